package io.jfrtrace.analyzer.timeit;

/**
 * One timed call of the statement, as the timing JVM recorded it: its phase ({@code autorange} or {@code repeat}),
 * its index within the phase (from 1), its loop count, and when it ran (nanoseconds since the epoch).
 */
public record TimedCall(String phase, int index, long number, long startNanos, long endNanos) {
    public static final String REPEAT = "repeat";

    public boolean isRepeat() {
        return REPEAT.equals(phase);
    }
}
