package io.jfrtrace.runtime;

import java.lang.ref.WeakReference;

/**
 * One thread's allocation counters: exact count and bytes per traceback id (plain longs, only
 * the owner writes; snapshots sum them), the byte-based sampling state, and (NFRAME &gt; 1) a
 * cache from raw stack keys to traceback ids so that a known traceback costs no allocation.
 */
public final class AllocThread {
    private final WeakReference<Thread> owner;
    /** counts[2*tb] = objects allocated, counts[2*tb+1] = bytes allocated. */
    volatile long[] counts = new long[2 * 64];
    /** Bytes left until the next sample point (sampled mode). */
    private long untilSample;
    private long rng;

    // traceback cache for NFRAME > 1: raw key (total, site loc, fid, line, fid, line, ...) -> id
    final int[] key;
    private int[][] cacheKeys = new int[256][];
    private int[] cacheIds = new int[256];
    private int cacheSize;

    AllocThread(Thread t, int nframe) {
        owner = new WeakReference<>(t);
        key = new int[2 + 2 * nframe];
        long seed = System.nanoTime() ^ (t == null ? 0 : t.getId() * 0x9E3779B97F4A7C15L);
        rng = seed == 0 ? 0x2545F4914F6CDD1DL : seed;
        untilSample = nextInterval();
    }

    boolean isOwnerAlive() {
        Thread t = owner.get();
        return t != null && t.isAlive();
    }

    /** Counts one allocation of {@code o} under traceback {@code tb}. */
    void add(Object o, int tb) {
        long size = AllocTracker.inst.getObjectSize(o);
        long[] c = counts;
        int b = tb << 1;
        if (b + 2 > c.length) {
            c = grow(tb);
        }
        c[b]++;
        c[b + 1] += size;
        if (AllocTracker.exact) {
            AllocTracker.track(o, tb, size, 1.0);
        } else if ((untilSample -= size) <= 0) {
            sample(o, tb, size);
        }
    }

    /**
     * Poisson sampling over the byte stream: sample points are an exponential distance apart
     * (mean {@code sampleBytes}); an object is sampled iff a point falls inside its bytes, i.e.
     * with probability p = 1 - exp(-size/mean), and then stands for size/p bytes and 1/p objects
     * (unbiased per site).
     */
    private void sample(Object o, int tb, long size) {
        long u = untilSample;
        do {
            u += nextInterval();
        } while (u <= 0);
        untilSample = u;
        double p = -Math.expm1(-(double) size / AllocTracker.sampleBytes);
        if (p <= 0) {
            p = 1e-12;
        }
        AllocTracker.track(o, tb, Math.round(size / p), 1.0 / p);
    }

    private long nextInterval() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        double u = ((x >>> 11) + 0.5) * 0x1.0p-53; // (0,1)
        return 1 + (long) (-Math.log(u) * AllocTracker.sampleBytes);
    }

    private long[] grow(int tb) {
        long[] c = counts;
        int n = c.length;
        while (n < 2 * tb + 2) {
            n *= 2;
        }
        c = java.util.Arrays.copyOf(c, n);
        counts = c;
        return c;
    }

    long[] counts() {
        return counts;
    }

    /** Traceback id of the raw key {@code key[0..len)}, interning it on first sight. */
    int lookup(int len) {
        int[] k = key;
        int h = 1;
        for (int i = 0; i < len; i++) {
            h = 31 * h + k[i];
        }
        h ^= h >>> 16;
        int[][] ks = cacheKeys;
        int mask = ks.length - 1;
        int i = h & mask;
        while (true) {
            int[] e = ks[i];
            if (e == null) {
                break;
            }
            if (e.length == len && same(e, k, len)) {
                return cacheIds[i];
            }
            i = (i + 1) & mask;
        }
        int[] copy = java.util.Arrays.copyOf(k, len);
        int id = AllocTracker.internRaw(copy);
        ks[i] = copy;
        cacheIds[i] = id;
        if (2 * ++cacheSize > ks.length) {
            rehash();
        }
        return id;
    }

    private static boolean same(int[] a, int[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[][] oldK = cacheKeys;
        int[] oldI = cacheIds;
        int n = oldK.length * 2;
        int[][] ks = new int[n][];
        int[] ids = new int[n];
        for (int j = 0; j < oldK.length; j++) {
            int[] e = oldK[j];
            if (e == null) {
                continue;
            }
            int h = 1;
            for (int v : e) {
                h = 31 * h + v;
            }
            h ^= h >>> 16;
            int i = h & (n - 1);
            while (ks[i] != null) {
                i = (i + 1) & (n - 1);
            }
            ks[i] = e;
            ids[i] = oldI[j];
        }
        cacheKeys = ks;
        cacheIds = ids;
    }

    long footprint() {
        return 16L + 8L * counts.length + 8L * cacheKeys.length + 4L * cacheIds.length
                + (long) cacheSize * (16 + 4L * key.length);
    }
}
