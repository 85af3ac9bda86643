package io.jfrtrace.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact allocated totals: every thread counts into its own {@link AllocThread} (plain longs,
 * no sharing on the hot path), registered here on its first allocation; a sum folds them together
 * and keeps the counts of threads that died. Totals are pairs per traceback: {@code [2*tb]} objects,
 * {@code [2*tb+1]} bytes.
 */
final class AllocatedTotals {
    private static final List<AllocThread> THREADS = new ArrayList<>();
    /** Allocated totals of the threads that died. */
    private static long[] deadCounts = new long[0];

    private AllocatedTotals() {
    }

    static void register(AllocThread t) {
        synchronized (THREADS) {
            THREADS.add(t);
        }
    }

    /** The sum of every thread's counters, folding in (and forgetting) the threads that died. */
    static long[] merged() {
        long[] sum;
        synchronized (THREADS) {
            sum = deadCounts.clone();
            for (int j = THREADS.size() - 1; j >= 0; j--) {
                AllocThread t = THREADS.get(j);
                boolean alive = t.isOwnerAlive();
                long[] c = t.counts();
                sum = addCounts(sum, c);
                if (!alive) {
                    deadCounts = addCounts(deadCounts, c);
                    THREADS.remove(j);
                }
            }
        }
        return sum;
    }

    /** Adds a thread's counters (stride {@link AllocThread#STRIDE}) to the pairs in {@code sum}. */
    private static long[] addCounts(long[] sum, long[] c) {
        int n = c.length / AllocThread.STRIDE;
        if (sum.length < 2 * n) {
            sum = Arrays.copyOf(sum, 2 * n);
        }
        for (int tb = 0; tb < n; tb++) {
            sum[2 * tb] += c[AllocThread.STRIDE * tb];
            sum[2 * tb + 1] += c[AllocThread.STRIDE * tb + 1];
        }
        return sum;
    }

    /** Bytes allocated from the totals {@code since} to {@code totals}. */
    static long bytesSince(long[] totals, long[] since) {
        long bytes = 0;
        for (int i = 1; i < totals.length; i += 2) {
            bytes += totals[i] - at(since, i);
        }
        return bytes;
    }

    /** {@code a[i]}, 0 past its end (a traceback that had no allocation yet). */
    static long at(long[] a, int i) {
        return i < a.length ? a[i] : 0;
    }

    /** The threads' counters and caches, estimated. */
    static long footprint() {
        long m = 0;
        synchronized (THREADS) {
            for (AllocThread t : THREADS) {
                m += t.footprint();
            }
            return m + 8L * deadCounts.length;
        }
    }
}
