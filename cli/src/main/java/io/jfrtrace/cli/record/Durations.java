package io.jfrtrace.cli.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations on the command line: {@code 5s}, {@code 500ms}, {@code 0.5s}, {@code 2m}, {@code 1h},
 * {@code 250us}; a bare number is seconds. Parsed to microseconds (faulthandler's own resolution),
 * rounding away from zero as faulthandler does.
 */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(us|ms|s|m|h)?");

    private Durations() {
    }

    /** Microseconds; throws IllegalArgumentException with a one-line message for bad syntax. */
    public static long parseMicros(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 5s, 500ms, 0.5s, 2m)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal micros = switch (unit) {
            case "us" -> value;
            case "ms" -> value.scaleByPowerOfTen(3);
            case "m" -> value.multiply(BigDecimal.valueOf(60_000_000L));
            case "h" -> value.multiply(BigDecimal.valueOf(3_600_000_000L));
            default -> value.scaleByPowerOfTen(6);
        };
        return micros.setScale(0, RoundingMode.UP).longValueExact();
    }

    /** A strictly positive duration in microseconds, or a one-line error naming the option. */
    public static long positiveMicros(String option, String text) {
        try {
            return positiveMicros(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** A strictly positive duration in microseconds, or a one-line error (picocli names the option). */
    public static long positiveMicros(String text) {
        long us;
        try {
            us = parseMicros(text);
        } catch (ArithmeticException e) { // more microseconds than a long holds
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (us <= 0) {
            throw new IllegalArgumentException("the duration must be positive, got '" + text + "'");
        }
        return us;
    }
}
