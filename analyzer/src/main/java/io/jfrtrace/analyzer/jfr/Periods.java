package io.jfrtrace.analyzer.jfr;

/** A sampling period as the JVM's settings write it ({@code 20 ms}, {@code 1 s}, {@code 500/s}), in nanoseconds. */
final class Periods {
    private Periods() {
    }

    /** The period in nanoseconds; 0 when {@code value} is none or not a period (an unknown period weighs nothing). */
    static long nanos(String value) {
        if (value == null) {
            return 0;
        }
        String v = value.strip();
        try {
            int slash = v.indexOf('/');
            if (slash > 0) { // a rate: N per unit of time
                double perUnit = Double.parseDouble(v.substring(0, slash).strip());
                long unit = unitNanos(v.substring(slash + 1).strip());
                return perUnit > 0 && unit > 0 ? Math.round(unit / perUnit) : 0;
            }
            int unitStart = 0; // "20 ms", and JDK 25's "10ms"
            while (unitStart < v.length() && (Character.isDigit(v.charAt(unitStart)) || v.charAt(unitStart) == '.')) {
                unitStart++;
            }
            if (unitStart == 0) {
                return 0;
            }
            long unit = unitNanos(v.substring(unitStart).strip());
            return unit > 0 ? Math.round(Double.parseDouble(v.substring(0, unitStart)) * unit) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Nanoseconds as the JVM's settings write a period: {@code 10 ms}, {@code 250 us}, {@code 1 s}. */
    static String text(long nanos) {
        if (nanos != 0 && nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos != 0 && nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + " ms";
        }
        if (nanos != 0 && nanos % 1_000L == 0) {
            return nanos / 1_000L + " us";
        }
        return nanos + " ns";
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> 0;
        };
    }
}
