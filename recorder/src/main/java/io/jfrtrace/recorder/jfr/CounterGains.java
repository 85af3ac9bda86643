package io.jfrtrace.recorder.jfr;

import java.util.Arrays;

/**
 * How a flush takes a thread's counters, for every kind of them (call profile, line counts): what each counter gained
 * since the previous flush took it is added to the flush's sums, and the thread's "last taken" shadow moves up to it.
 * The owner keeps counting meanwhile, so each counter is read once: what it gains after that read is the next
 * flush's. Only the flushing thread calls this, and only it touches the shadows.
 */
final class CounterGains {
    private CounterGains() {
    }

    /** {@code shadow}, grown to at least {@code length} counters (new counters were taken at 0). */
    static long[] fit(long[] shadow, int length) {
        return shadow.length < length ? Arrays.copyOf(shadow, length) : shadow;
    }

    /**
     * Adds what {@code current[from .. from+n)} gained over {@code shadow} to {@code sums[at .. at+n)}, and sets the
     * shadow to what was read; returns whether any of them gained.
     */
    static boolean take(long[] current, long[] shadow, int from, int n, long[] sums, int at) {
        boolean gained = false;
        for (int k = 0; k < n; k++) {
            long v = current[from + k];
            long d = v - shadow[from + k];
            if (d != 0) {
                sums[at + k] += d;
                shadow[from + k] = v;
                gained = true;
            }
        }
        return gained;
    }
}
