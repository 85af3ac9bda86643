package io.jfrtrace.analyzer.timeit;

import java.util.Locale;

/** {@code timeit}'s {@code -u} units, largest first: the order {@code format_time} tries them in. */
public enum TimeitUnit {
    SEC(1.0), MSEC(1e-3), USEC(1e-6), NSEC(1e-9);

    /** CPython's words when {@code -u} is none of these (it then exits 2). */
    public static final String UNRECOGNIZED = "Unrecognized unit. Please select nsec, usec, msec, or sec.";

    private final double scale;

    TimeitUnit(double scale) {
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit {@code -u WORD} names (CPython's exact words, case-sensitive). */
    public static TimeitUnit parse(String word) {
        for (TimeitUnit u : values()) {
            if (u.word().equals(word)) {
                return u;
            }
        }
        throw new IllegalArgumentException(UNRECOGNIZED);
    }
}
