package io.jfrtrace.runtime;

import java.util.Arrays;

/**
 * A thread's caller-&gt;callee pairs, numbered densely in the order of their first call: the index of each pair's
 * counters in its profile's per-edge array ({@link ThreadProfile}'s, {@link ThreadCounts}'). Open addressing on the
 * pair's key, {@code caller << 32 | callee}. Only the owning thread adds; a flusher reads the pairs below the volatile
 * {@link #count()}, which is written after the owner's counters have room for them ({@link Room}), so a reader that
 * sees an edge also sees its counters. The profiles consult their own caches first: this is their miss path.
 */
final class EdgeTable {
    /** The owner's per-edge counters. */
    interface Room {
        /** Grows them to hold {@code edges} edges; called before any edge beyond their old size is published. */
        void grow(int edges);
    }

    /** Edges a new table and its owner's counters hold before they grow. */
    static final int INITIAL = 64;

    private final Room room;
    private long[] keys = new long[INITIAL];
    private int[] slots = new int[2 * INITIAL]; // slot -> edge index + 1 (0 = empty)
    private int mask = 2 * INITIAL - 1;
    private volatile int count;

    EdgeTable(Room room) {
        this.room = room;
    }

    static long key(int caller, int callee) {
        return (long) caller << 32 | callee & 0xFFFFFFFFL;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The index of caller-&gt;callee; the next one if this pair was never called. Owner only. */
    int index(int caller, int callee) {
        long k = key(caller, callee);
        int[] t = slots;
        int m = mask;
        int i = hash(k) & m;
        while (true) {
            int v = t[i];
            if (v == 0) {
                return add(k, i);
            }
            if (keys[v - 1] == k) {
                return v - 1;
            }
            i = (i + 1) & m;
        }
    }

    private int add(long k, int slot) {
        int e = count;
        if (e == keys.length) {
            room.grow(2 * e);
            keys = Arrays.copyOf(keys, 2 * e);
        }
        keys[e] = k;
        slots[slot] = e + 1;
        count = e + 1; // volatile write publishes the key and the owner's grown counters
        if (2 * (e + 1) > slots.length) {
            rehash();
        }
        return e;
    }

    private void rehash() {
        int n = slots.length * 2;
        int[] t = new int[n];
        int m = n - 1;
        int cnt = count;
        for (int e = 0; e < cnt; e++) {
            int i = hash(keys[e]) & m;
            while (t[i] != 0) {
                i = (i + 1) & m;
            }
            t[i] = e + 1;
        }
        slots = t;
        mask = m;
    }

    /** Edges published so far. */
    int count() {
        return count;
    }

    /** The caller of edge {@code e}, one below {@link #count()}. */
    int caller(int e) {
        return (int) (keys[e] >>> 32);
    }

    /** The callee of edge {@code e}, one below {@link #count()}. */
    int callee(int e) {
        return (int) keys[e];
    }

    /** The key of edge {@code e} if it is published, else -1 (any thread). */
    long publishedKey(int e) {
        int n = count; // volatile read: keys below it are published
        long[] k = keys;
        return e >= 0 && e < n && e < k.length ? k[e] : -1;
    }

    /** The index of caller-&gt;callee if it was ever called, else -1 (a linear search: for tests and readers). */
    int find(int caller, int callee) {
        long k = key(caller, callee);
        int cnt = count;
        long[] ks = keys;
        for (int e = 0; e < cnt; e++) {
            if (ks[e] == k) {
                return e;
            }
        }
        return -1;
    }
}
