package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.PyFormat;

import java.math.BigDecimal;
import java.math.MathContext;

/** Python's {@code tracemalloc._format_size(size, sign)}. */
public final class SizeFormat {
    private SizeFormat() {}

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /** An integer size; from the KiB step on Python divides with {@code /} (true division, a float). */
    public static String format(long size, boolean sign) {
        // (double) size / 1024 equals Python's correctly rounded int / 1024 (division by a power of two is exact),
        // and below 10 KiB the value is exact.
        return format((double) size, sign);
    }

    /** A float size (averages). */
    public static String format(double size, boolean sign) {
        double s = size;
        for (String unit : UNITS) {
            boolean b = unit.equals("B");
            if (Math.abs(s) < 100 && !b) return PyFormat.fixed(s, 1, 0, sign) + " " + unit;
            if (Math.abs(s) < 10 * 1024 || unit.equals("TiB")) return PyFormat.fixed(s, 0, 0, sign) + " " + unit;
            s /= 1024;
        }
        throw new AssertionError("unreachable");
    }

    /** Python's {@code size / count} for two ints: the correctly rounded quotient. */
    static double trueDivide(long size, long count) {
        final long exact = 1L << 53;
        if (Math.abs(size) <= exact && Math.abs(count) <= exact) return (double) size / (double) count;
        // dividing by a power of two only scales: rounding size first gives the same double
        if (count > 0 && Long.bitCount(count) == 1) return (double) size / (double) count;
        return new BigDecimal(size).divide(new BigDecimal(count), MathContext.DECIMAL128).doubleValue();
    }
}
