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

    // light shadow stack (NFRAME > 1 with call profiling off): function id and the line of the
    // call now executing, per open instrumented frame; only the owner thread touches it
    int depth;
    private int[] fids = new int[64];
    private int[] lines = new int[64];
    /**
     * Per open frame: its context id + 1 (0 = not computed yet). The context of a frame is
     * everything below it (depth, outer functions and their call lines, up to NFRAME - 1), and
     * cannot change while the frame is open, so it is interned once per activation that allocates.
     */
    private int[] ctx = new int[64];
    // context id -> context key {total, fid, line, fid, line, ...} (interned through ctxTable)
    private int[][] ctxKeys = new int[64][];
    private int ctxCount;
    private int[][] ctxTableKeys = new int[64][];
    private int[] ctxTableIds = new int[64];
    // (context id + 1) << 32 | site location -> traceback id; open addressing, 0 = empty
    private long[] siteKeys = new long[256];
    private int[] siteIds = new int[256];
    private int siteCount;
    private long contextBytes;

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

    // ------------------------------------------------------------------ light shadow stack

    /** Call of function {@code fid}. Grows before changing state (a StackOverflowError leaves no half push). */
    void push(int fid) {
        int d = depth;
        if (d == fids.length) {
            growStack();
        }
        fids[d] = fid;
        ctx[d] = 0;
        depth = d + 1;
    }

    /** Return (normal or by exception) of {@code fid}; pops frames left open above it; ignored if none is open. */
    void pop(int fid) {
        int d = depth - 1;
        if (d >= 0 && fids[d] == fid) {
            depth = d;
            return;
        }
        int[] f = fids;
        for (int i = d - 1; i >= 0; i--) {
            if (f[i] == fid) {
                depth = i;
                return;
            }
        }
    }

    /** An exception handler of {@code fid} starts: drops the frames above its nearest open activation. */
    void resume(int fid) {
        int[] f = fids;
        for (int i = depth - 1; i >= 0; i--) {
            if (f[i] == fid) {
                depth = i + 1;
                return;
            }
        }
    }

    /** Stores the line now executing in the top frame (before a call). */
    void setLine(int line) {
        int d = depth - 1;
        if (d >= 0) {
            lines[d] = line;
        }
    }

    int frameId(int i) {
        return fids[i];
    }

    int frameLine(int i) {
        return lines[i];
    }

    private void growStack() {
        int n = fids.length * 2;
        int[] l = java.util.Arrays.copyOf(lines, n);
        int[] c = java.util.Arrays.copyOf(ctx, n);
        int[] f = java.util.Arrays.copyOf(fids, n);
        lines = l;
        ctx = c;
        fids = f;
    }

    /**
     * Traceback id of an allocation at location {@code loc} in the top frame of the light
     * shadow stack: the top frame's cached context plus the site, looked up in a long-keyed table.
     */
    int topTraceback(int loc, int limit) {
        int d = depth - 1;
        if (d < 0) {
            return siteTraceback(contextId(-1, limit), loc);
        }
        int c = ctx[d] - 1;
        if (c < 0) {
            c = contextId(d - 1, limit);
            ctx[d] = c + 1;
        }
        return siteTraceback(c, loc);
    }

    private int siteTraceback(int c, int loc) {
        long k = ((long) (c + 1) << 32) | (loc & 0xffffffffL);
        long[] ks = siteKeys;
        int mask = ks.length - 1;
        long h = k * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long e = ks[i];
            if (e == k) {
                return siteIds[i];
            }
            if (e == 0) {
                break;
            }
            i = (i + 1) & mask;
        }
        int[] ck = ctxKeys[c];
        int[] raw = new int[ck.length + 1];
        raw[0] = ck[0];
        raw[1] = loc;
        System.arraycopy(ck, 1, raw, 2, ck.length - 1);
        int id = AllocTracker.internRaw(raw);
        ks[i] = k;
        siteIds[i] = id;
        if (2 * ++siteCount > ks.length) {
            rehashSites();
        }
        return id;
    }

    private void rehashSites() {
        long[] oldK = siteKeys;
        int[] oldI = siteIds;
        int n = oldK.length * 2;
        long[] ks = new long[n];
        int[] ids = new int[n];
        for (int j = 0; j < oldK.length; j++) {
            long k = oldK[j];
            if (k == 0) {
                continue;
            }
            long h = k * 0x9E3779B97F4A7C15L;
            int i = (int) (h ^ (h >>> 32)) & (n - 1);
            while (ks[i] != 0) {
                i = (i + 1) & (n - 1);
            }
            ks[i] = k;
            ids[i] = oldI[j];
        }
        siteKeys = ks;
        siteIds = ids;
    }

    /** Context id of the frames {@code outer..0} (outer = most recent), NFRAME - 1 of them at most. */
    private int contextId(int outer, int limit) {
        int n = Math.max(0, Math.min(outer + 1, limit - 1));
        int[] k = new int[1 + 2 * n];
        k[0] = Math.max(outer + 2, 1);
        for (int j = 0, i = outer; j < n; j++, i--) {
            k[1 + 2 * j] = fids[i];
            k[2 + 2 * j] = lines[i];
        }
        int h = java.util.Arrays.hashCode(k);
        h ^= h >>> 16;
        int[][] ks = ctxTableKeys;
        int mask = ks.length - 1;
        int i = h & mask;
        while (true) {
            int[] e = ks[i];
            if (e == null) {
                break;
            }
            if (java.util.Arrays.equals(e, k)) {
                return ctxTableIds[i];
            }
            i = (i + 1) & mask;
        }
        int id = ctxCount;
        if (id == ctxKeys.length) {
            ctxKeys = java.util.Arrays.copyOf(ctxKeys, 2 * id);
        }
        ctxKeys[id] = k;
        contextBytes += 16 + 4L * k.length;
        ks[i] = k;
        ctxTableIds[i] = id;
        ctxCount = id + 1;
        if (2 * ctxCount > ks.length) {
            int m = ks.length * 2;
            int[][] nk = new int[m][];
            int[] ni = new int[m];
            for (int j = 0; j < id + 1; j++) {
                int[] e = ctxKeys[j];
                int g = java.util.Arrays.hashCode(e);
                g ^= g >>> 16;
                int x = g & (m - 1);
                while (nk[x] != null) {
                    x = (x + 1) & (m - 1);
                }
                nk[x] = e;
                ni[x] = j;
            }
            ctxTableKeys = nk;
            ctxTableIds = ni;
        }
        return id;
    }

    long footprint() {
        return 16L + 8L * counts.length + 8L * cacheKeys.length + 4L * cacheIds.length
                + (long) cacheSize * (16 + 4L * key.length) + 12L * fids.length
                + 8L * ctxKeys.length + 12L * ctxTableKeys.length + 12L * siteKeys.length + contextBytes;
    }
}
