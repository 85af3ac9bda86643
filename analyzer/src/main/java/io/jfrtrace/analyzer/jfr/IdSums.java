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
    private int[] order = new int[512];
    private int size;

    IdSums() {
        Arrays.fill(keys, EMPTY);
    }

    void add(long id, long weight) {
        int mask = keys.length - 1;
        int slot = (int) mix(id) & mask;
        while (keys[slot] != id) {
            if (keys[slot] == EMPTY) {
                keys[slot] = id;
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = slot;
                if (size * 2 > keys.length) {
                    grow();
                    add(id, weight);
                    return;
                }
                break;
            }
            slot = slot + 1 & mask;
        }
        samples[slot]++;
        weights[slot] += weight;
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

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSamples = samples;
        long[] oldWeights = weights;
        int[] oldOrder = Arrays.copyOf(order, size);
        int n = oldKeys.length * 2;
        keys = new long[n];
        Arrays.fill(keys, EMPTY);
        samples = new long[n];
        weights = new long[n];
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
            order[size++] = slot;
        }
    }

    private static long mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return h ^ h >>> 29;
    }
}
