package io.jfrtrace.analyzer.jfr;

import java.util.Arrays;

/**
 * Samples and weights summed per id (a chunk's stack trace id, or a stack and class id pair), in the order ids were
 * first seen: the per-event work of a bulk aggregation, with no object made per event.
 */
final class IdSums {
    /** Visits one id's sums. */
    interface Visitor {
        void visit(long id, long samples, long weight);
    }

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[1024];
    private long[] samples = new long[1024];
    private long[] weights = new long[1024];
    /** Each id's earliest event time, when timed; null otherwise. */
    private long[] firstTimes;
    private int[] order = new int[512];
    private int size;

    IdSums() {
        Arrays.fill(keys, EMPTY);
    }

    /** Sums that also keep each id's earliest event time, to list the ids in the order their first event happened. */
    static IdSums timed() {
        IdSums sums = new IdSums();
        sums.firstTimes = new long[sums.keys.length];
        return sums;
    }

    void add(long id, long weight) {
        int slot = slot(id);
        samples[slot]++;
        weights[slot] += weight;
    }

    /** {@link #add(long, long)} for an event at {@code time} (of a {@link #timed} one). */
    void add(long id, long weight, long time) {
        int slot = slot(id);
        samples[slot]++;
        weights[slot] += weight;
        if (time < firstTimes[slot]) {
            firstTimes[slot] = time;
        }
    }

    /** The id's slot, made (growing the table if need be) for a new id. */
    private int slot(long id) {
        int mask = keys.length - 1;
        int slot = (int) mix(id) & mask;
        while (keys[slot] != id) {
            if (keys[slot] == EMPTY) {
                keys[slot] = id;
                if (firstTimes != null) {
                    firstTimes[slot] = Long.MAX_VALUE;
                }
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = slot;
                if (size * 2 > keys.length) {
                    grow();
                    return slot(id);
                }
                return slot;
            }
            slot = slot + 1 & mask;
        }
        return slot;
    }

    int size() {
        return size;
    }

    /** Every id with its sums, in the order first seen. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < size; i++) {
            int slot = order[i];
            visitor.visit(keys[slot], samples[slot], weights[slot]);
        }
    }

    /** Every id with its sums, by its earliest event time (ties: the one seen first); of a {@link #timed} one. */
    void forEachByFirstTime(Visitor visitor) {
        Integer[] byTime = new Integer[size];
        for (int i = 0; i < size; i++) {
            byTime[i] = i;
        }
        Arrays.sort(byTime, (a, b) -> {
            int c = Long.compare(firstTimes[order[a]], firstTimes[order[b]]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i : byTime) {
            int slot = order[i];
            visitor.visit(keys[slot], samples[slot], weights[slot]);
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSamples = samples;
        long[] oldWeights = weights;
        long[] oldTimes = firstTimes;
        int[] oldOrder = Arrays.copyOf(order, size);
        int n = oldKeys.length * 2;
        keys = new long[n];
        Arrays.fill(keys, EMPTY);
        samples = new long[n];
        weights = new long[n];
        firstTimes = oldTimes == null ? null : new long[n];
        order = new int[Math.max(order.length, n / 2)];
        int count = size;
        size = 0;
        for (int i = 0; i < count; i++) {
            int from = oldOrder[i];
            int slot = (int) mix(oldKeys[from]) & n - 1;
            while (keys[slot] != EMPTY) {
                slot = slot + 1 & n - 1;
            }
            keys[slot] = oldKeys[from];
            samples[slot] = oldSamples[from];
            weights[slot] = oldWeights[from];
            if (oldTimes != null) {
                firstTimes[slot] = oldTimes[from];
            }
            order[size++] = slot;
        }
    }

    private static long mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return h ^ h >>> 29;
    }
}
