package io.jfrtrace.runtime;

import java.util.Arrays;

/**
 * Dense indexes for {@code long} keys, in the order the keys were added: an open-addressing table (linear probing, at
 * most half full) from a key to its index. The call profile's caller-&gt;callee edges ({@link ThreadProfile},
 * {@link ThreadCounts}) and the call tree's nodes ({@link CallTree}) are numbered by one each; their counters live in
 * their owner's arrays, indexed alike, which the owner grows before it adds a key.
 *
 * <p>One thread adds; another (the flusher) may read the keys below {@link #size()}: the volatile write of each
 * addition publishes the key, and whatever the owner changed before it (a grown counter array).
 */
final class KeyIndex {
    private long[] keys;
    private volatile int size;
    /** Slot -> index + 1 (0: empty). */
    private int[] table;
    private int mask;

    /** An index with room for {@code capacity} keys (a power of two) before it grows. */
    KeyIndex(int capacity) {
        keys = new long[capacity];
        table = new int[2 * capacity];
        mask = 2 * capacity - 1;
    }

    /** The key of a pair of ints: {@code high << 32 | low}. */
    static long key(int high, int low) {
        return (long) high << 32 | low & 0xFFFFFFFFL;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The index of {@code k}, or -1 if it has none. */
    int indexOf(long k) {
        int[] t = table;
        int m = mask;
        for (int i = hash(k) & m, v; (v = t[i]) != 0; i = (i + 1) & m) {
            if (keys[v - 1] == k) {
                return v - 1;
            }
        }
        return -1;
    }

    /** Gives {@code k}, which has no index yet, the next one ({@link #size()} before the call) and publishes it. */
    int add(long k) {
        int n = size;
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, 2 * n);
        }
        keys[n] = k;
        place(table, mask, k, n);
        size = n + 1; // volatile write: publishes the key and the owner's arrays
        if (2 * (n + 1) > table.length) {
            rehash();
        }
        return n;
    }

    /** How many keys have an index (a volatile read: the keys below it are published). */
    int size() {
        return size;
    }

    /** The key of {@code index}, which is below {@link #size()}. */
    long key(int index) {
        return keys[index];
    }

    private static void place(int[] t, int m, long k, int index) {
        int i = hash(k) & m;
        while (t[i] != 0) {
            i = (i + 1) & m;
        }
        t[i] = index + 1;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        int n = size;
        for (int index = 0; index < n; index++) {
            place(t, m, keys[index], index);
        }
        table = t;
        mask = m;
    }
}
