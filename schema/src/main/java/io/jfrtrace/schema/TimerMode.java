package io.jfrtrace.schema;

import java.util.Locale;

/**
 * What the call profile's times measure ({@code record --timer}, agent key {@code timer},
 * {@code jfrtrace.RecordingInfo.timerMode}): the words are the option's values and the field's.
 */
public enum TimerMode {
    /** Wall-clock time, two clock reads per call (cProfile's default timer). */
    WALL,
    /** The calling thread's CPU time, two reads per call (cProfile with {@code time.thread_time}). */
    CPU,
    /**
     * No clock on the hot path: exact counts only, the time fields 0; the analyzer estimates the times from the JVM's
     * execution samples.
     */
    COUNT;

    /** The option's and the field's word: {@code wall}, {@code cpu}, {@code count}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode {@code word} names; null for none. A recording without the field (before schema 2.6) is {@link #WALL}. */
    public static TimerMode named(String word) {
        for (TimerMode m : values()) {
            if (m.word().equals(word)) {
                return m;
            }
        }
        return null;
    }
}
