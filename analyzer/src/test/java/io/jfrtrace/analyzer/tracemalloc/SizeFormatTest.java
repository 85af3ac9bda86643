package io.jfrtrace.analyzer.tracemalloc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code _format_size} table of the reference (§4.2), checked against CPython 3.11.7. */
class SizeFormatTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0 B", "1|1 B", "99|99 B", "100|100 B", "9999|9999 B", "10239|10239 B",
            "10240|10.0 KiB", "10291|10.0 KiB", "10292|10.1 KiB", "102399|100.0 KiB", "102400|100 KiB",
            "10485759|10240 KiB", "10485760|10.0 MiB", "104857599|100.0 MiB", "104857600|100 MiB",
            "1073741824|1024 MiB", "10737418239|10240 MiB", "10737418240|10.0 GiB",
            "1099511627776|1024 GiB", "10995116277760|10.0 TiB", "1099511627776000|1000 TiB",
            "1125899906842624000|1024000 TiB", "-1554|-1554 B", "-10240|-10.0 KiB", "-10485759|-10240 KiB"})
    void formatsUnsignedSizesLikePython(long size, String expected) {
        assertEquals(expected, SizeFormat.format(size, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|+0 B", "1554|+1554 B", "-1554|-1554 B", "102400|+100 KiB", "102399|+100.0 KiB",
            "-10240|-10.0 KiB", "10485760|+10.0 MiB", "-1099511627776000|-1000 TiB"})
    void formatsSignedSizesLikePython(long size, String expected) {
        assertEquals(expected, SizeFormat.format(size, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2.5|2 B", "3.5|4 B", "0.5|0 B", "1.5|2 B", "10239.5|10240 B", "10239.4|10239 B",
            "10291.2|10.1 KiB", "102348.8|100.0 KiB", "102297.6|99.9 KiB", "5620.0|5620 B", "-0.0|-0 B"})
    void formatsFloatAveragesWithExactTiesToEven(double size, String expected) {
        assertEquals(expected, SizeFormat.format(size, false));
    }
}
