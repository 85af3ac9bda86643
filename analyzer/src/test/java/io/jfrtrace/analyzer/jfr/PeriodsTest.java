package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sampling periods as the JVM's settings write them, in nanoseconds; what is not a period weighs nothing. */
class PeriodsTest {
    @ParameterizedTest(name = "''{0}'' = {1} ns")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "20 ms      | 20000000",
            "10ms       | 10000000",
            "1.5 s      | 1500000000",
            "10 ms      | 10000000",
            "1 s        | 1000000000",
            "500 us     | 500000",
            "250 ns     | 250",
            "2 m        | 120000000000",
            "500/s      | 2000000",
            "100/ms     | 10000",
            "everyChunk | 0",
            "beginChunk | 0",
            "off        | 0",
            "20 parsecs | 0",
            "x ms       | 0",
            "10         | 0",
            "null       | 0",
    })
    void aPeriodInNanoseconds(String setting, long nanos) {
        assertEquals(nanos, Periods.nanos(setting));
    }

    @ParameterizedTest(name = "{0} ns = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "10000000   | 10 ms",
            "1000000000 | 1 s",
            "250000     | 250 us",
            "1500       | 1500 ns",
            "0          | 0 ns",
    })
    void nanosecondsAsASettingWritesThem(long nanos, String text) {
        assertEquals(text, Periods.text(nanos));
        assertEquals(nanos, Periods.nanos(text));
    }
}
