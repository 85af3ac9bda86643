package io.jfrtrace.analyzer.python;

import io.jfrtrace.analyzer.testing.Python3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PyFormatTest {

    @Test
    void fixedRoundsExactBinaryValueHalfEvenLikePython() {
        // the reference table of §0
        assertEquals("   0.062", PyFormat.f8(0.0625));
        assertEquals("   0.312", PyFormat.f8(0.3125));
        assertEquals("2", PyFormat.fixed(2.5, 0));
        assertEquals("4", PyFormat.fixed(3.5, 0));
        assertEquals("12345.679", PyFormat.f8(12345.6789));
        assertEquals("  -0.000", PyFormat.f8(-0.0001));
        assertEquals("  -0.000", PyFormat.f8(-0.0));
        assertEquals("   0.002", PyFormat.f8(0.0015)); // binary value is above the tie
        assertEquals("2.67", PyFormat.fixed(2.675, 2)); // binary value is below the tie (Java: 2.68)
        assertEquals("+1.2", PyFormat.fixed(1.25, 1, 0, true));
        assertEquals("-1.2", PyFormat.fixed(-1.25, 1, 0, true));
        assertEquals("     inf", PyFormat.f8(Double.POSITIVE_INFINITY));
        assertEquals("    -inf", PyFormat.f8(Double.NEGATIVE_INFINITY));
        assertEquals("     nan", PyFormat.f8(Double.NaN));
        assertEquals("+0.0", PyFormat.fixed(0.0, 1, 0, true));
    }

    @Test
    void generalFormatMatchesPythonExamples() {
        assertEquals("1e+03", PyFormat.general(999.6, 3));
        assertEquals("2.5e-06", PyFormat.general(2.5e-06, 3));
        assertEquals("12.5", PyFormat.general(12.5, 3));
        assertEquals("20", PyFormat.general(20.0, 3));
        assertEquals("0.0001", PyFormat.general(0.0001, 3));
        assertEquals("0", PyFormat.general(0.0, 3));
        assertEquals("-0", PyFormat.general(-0.0, 3));
    }

    @Test
    void floatReprIsShortestRoundTrip() {
        assertEquals("0.5", PyFormat.reprFloat(0.5));
        assertEquals("1e-05", PyFormat.reprFloat(1e-5));
        assertEquals("0.1", PyFormat.reprFloat(0.1));
        assertEquals("0.0001", PyFormat.reprFloat(0.0001));
        assertEquals("1e+16", PyFormat.reprFloat(1e16));
        assertEquals("1234567890123456.0", PyFormat.reprFloat(1234567890123456.0));
        assertEquals("1e-09", PyFormat.reprFloat(1.0 / 1e9));
        assertEquals("1.0000000000000003e-09", PyFormat.reprFloat(Math.nextUp(1e-9)));
        assertEquals("2.0", PyFormat.reprFloat(2.0));
        assertEquals("-0.0", PyFormat.reprFloat(-0.0));
        assertEquals("inf", PyFormat.reprFloat(Double.POSITIVE_INFINITY));
        assertEquals("nan", PyFormat.reprFloat(Double.NaN));
        assertEquals("5e-324", PyFormat.reprFloat(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PyFormat.reprFloat(Double.MAX_VALUE));
        assertEquals("2e-323", PyFormat.reprFloat(2e-323)); // JDK 17's Double.toString gives 2.0E-323 too, check no extra digits
    }

    @Test
    void strReprQuotesAndEscapesLikePython() {
        assertEquals("'main'", PyStr.repr("main"));
        assertEquals("\"it's\"", PyStr.repr("it's"));
        assertEquals("'it\\'s \"q\"'", PyStr.repr("it's \"q\""));
        assertEquals("'a\\\\b\\n\\t\\r\\x00\\x7f'", PyStr.repr("a\\b\n\t\r\u0000\u007f"));
        assertEquals("'ünï λ \uD835\uDD23'", PyStr.repr("ünï λ \uD835\uDD23"));
        assertEquals("'\\xa0\\u200b\\udc80\\U000e0001'", PyStr.repr("\u00a0\u200b\udc80\uDB40\uDC01"));
    }

    @Test
    void ctimePadsTheDayWithASpace() {
        assertEquals("Mon Jan  5 09:07:03 2026", PyStr.ctime(Instant.parse("2026-01-05T09:07:03.999Z"), TimeZone.getTimeZone("UTC")));
        assertEquals("Sat Nov 21 11:09:19 2026", PyStr.ctime(Instant.parse("2026-11-21T11:09:19Z"), TimeZone.getTimeZone("UTC")));
    }

    @Test
    void ctimeUsesTheZonesOffsetAtThatInstantAcrossDaylightSaving() {
        // time.ctime under TZ=America/New_York: winter, summer, and the first hour of summer time
        TimeZone newYork = TimeZone.getTimeZone("America/New_York");
        assertEquals("Mon Jan  5 07:00:00 2026", PyStr.ctime(Instant.parse("2026-01-05T12:00:00Z"), newYork));
        assertEquals("Wed Jul  1 08:00:00 2026", PyStr.ctime(Instant.parse("2026-07-01T12:00:00Z"), newYork));
        assertEquals("Sun Mar  8 03:00:00 2026", PyStr.ctime(Instant.parse("2026-03-08T07:00:00Z"), newYork));
    }

    @Test
    void codePointOrderDiffersFromUtf16Order() {
        String supplementary = "\uD835\uDD23"; // U+1D523
        String bmpHigh = "\uFF21";
        assertEquals(1, Integer.signum(PyStr.compare(supplementary, bmpHigh)));
        assertEquals(-1, Integer.signum(supplementary.compareTo(bmpHigh)));
        assertEquals(1, PyStr.len(supplementary));
    }

    /** Thousands of doubles (random bits, decimal-looking values, exact binary ties) against CPython. */
    @Test
    void formattingMatchesCPythonOnManyDoubles(@TempDir Path dir) throws Exception {
        Random rnd = new Random(42);
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) xs.add(Double.longBitsToDouble(rnd.nextLong()));
        for (int i = 0; i < 1500; i++) xs.add(rnd.nextInt(2_000_000) / 1000.0 * (rnd.nextBoolean() ? 1 : -1));
        for (int i = 0; i < 1500; i++) xs.add((double) rnd.nextInt(1 << 16) / (1 << rnd.nextInt(16)));
        for (int i = 0; i < 500; i++) xs.add(rnd.nextLong() * 1e-9 * Math.pow(10, rnd.nextInt(12) - 6));
        xs.add(0.0); xs.add(-0.0); xs.add(Double.MIN_VALUE); xs.add(Double.MAX_VALUE);
        xs.add(Double.POSITIVE_INFINITY); xs.add(Double.NaN);
        StringBuilder in = new StringBuilder();
        StringBuilder expectedJava = new StringBuilder();
        for (double x : xs) {
            in.append(Long.toHexString(Double.doubleToRawLongBits(x))).append('\n');
            expectedJava.append(PyFormat.reprFloat(x)).append('|').append(PyFormat.f8(x)).append('|')
                    .append(PyFormat.fixed(x, 1, 0, true)).append('|').append(PyFormat.fixed(x, 0)).append('|')
                    .append(PyFormat.general(x, 3)).append('|').append(PyFormat.general(x, 1)).append('|')
                    .append(PyFormat.fixed(x, 6)).append('\n');
        }
        Path f = dir.resolve("doubles.txt");
        Files.writeString(f, in);
        String py = "import struct, sys\n"
                + "for line in open(sys.argv[1]):\n"
                + "    x = struct.unpack('<d', int(line, 16).to_bytes(8, 'little'))[0]\n"
                + "    print('%r|%8.3f|%+.1f|%.0f|%.3g|%.1g|%.6f' % (x, x, x, x, x, x, x))\n";
        String out = Python3.run(dir, List.of("-c", py, f.toString()));
        String[] expected = out.split("\n");
        String[] actual = expectedJava.toString().split("\n");
        assertEquals(expected.length, actual.length, out.length() > 2000 ? out.substring(0, 2000) : out);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], "value #" + i);
    }
}
