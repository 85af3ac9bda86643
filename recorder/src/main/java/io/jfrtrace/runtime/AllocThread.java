package io.jfrtrace.runtime;

import java.lang.ref.WeakReference;

/**
 * One thread's allocation counters: exact count and bytes per traceback id (plain longs, only
 * the owner writes; snapshots sum them), the byte-based sampling state, and (NFRAME &gt; 1) a
 * cache from raw stack keys to traceback ids so that a known traceback costs no allocation.
 */
public final class AllocThread {
    private final WeakReference<Thread> owner;
    /** The owner's id, for {@link AllocTracker}'s lookup without ThreadLocal. */
    final long threadId;
    /**
     * Per traceback, {@value #STRIDE} longs: counts[3*tb] = objects allocated, counts[3*tb+1] = bytes
     * allocated, counts[3*tb+2] = the byte total at which this traceback's next liveness sample
     * point falls (0 = not drawn yet; stays 0 in exact mode, so every allocation takes addSlow).
     * The sample state sits next to the counters it watches: the hot path then reads one cache line
     * and writes two longs, with no per-thread field carried from one allocation to the next.
     */
    volatile long[] counts = new long[STRIDE * 64];
    static final int STRIDE = 3;
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
     * Per open frame: its context id + 1 (0 = not computed yet). The context of frame d is what
     * an allocation in it needs besides its own site: the depth d + 1 and the outer frames
     * d-1, d-2, ... (function id, call line), at most NFRAME - 1 of them. It cannot change
     * while the frame is open; it is computed on the activation's first allocation from its
     * caller's context through a cached edge (caller context, caller fid, call line) -> context.
     */
    private int[] ctx = new int[64];
    // context id -> context key {depth, fid, line, fid, line, ...} (most recent first), canonical
    private int[][] ctxKeys = new int[64][];
    private int ctxCount;
    private int[][] ctxTableKeys = new int[128][];
    private int[] ctxTableIds = new int[128];
    // edges: (parent context << 32 | fid, line) -> child context id + 1 (0 = empty slot)
    private long[] edgeA = new long[256];
    private int[] edgeB = new int[256];
    private int[] edgeC = new int[256];
    private int edgeCount;
    private int rootContext = -1;
    // (context id + 1) << 32 | site location -> traceback id; open addressing, 0 = empty
    private long[] siteKeys = new long[256];
    private int[] siteIds = new int[256];
    private int siteCount;
    private long contextBytes;

    AllocThread(Thread t, int nframe) {
        owner = new WeakReference<>(t);
        threadId = t == null ? -1 : t.getId();
        key = new int[2 + 2 * nframe];
        long seed = System.nanoTime() ^ (t == null ? 0 : t.getId() * 0x9E3779B97F4A7C15L);
        rng = seed == 0 ? 0x2545F4914F6CDD1DL : seed;
    }

    boolean isOwnerAlive() {
        Thread t = owner.get();
        return t != null && t.isAlive();
    }

    /**
     * Counts one allocation of {@code o} under traceback {@code tb}. This is inlined into every
     * allocation site, so everything but the common case (counters in place, no sample due) is one
     * out-of-line call: a bigger inlined body can make C2 refuse to inline the allocating method
     * into its callers ("already compiled into a big method").
     */
    void add(Object o, int tb) {
        long size = AllocSettings.Size.OF.getObjectSize(o);
        long[] c = counts;
        int b = tb * STRIDE;
        if (b + STRIDE > c.length) {
            addSlow(o, tb, size);
            return;
        }
        long bytes = c[b + 1] + size;
        if (bytes >= c[b + 2]) {
            addSlow(o, tb, size);
            return;
        }
        c[b]++;
        c[b + 1] = bytes;
    }

    /** The uncommon part of {@link #add}: growth, a liveness sample due, or exact mode. */
    private void addSlow(Object o, int tb, long size) {
        long[] c = counts;
        int b = tb * STRIDE;
        if (b + STRIDE > c.length) {
            c = grow(tb);
        }
        c[b]++;
        long bytes = c[b + 1] += size;
        if (AllocSettings.exact) {
            Liveness.track(o, tb, size, 1.0);
            return;
        }
        long mark = c[b + 2];
        if (mark == 0) { // the traceback's first allocation in this thread: draw its first point
            mark = (bytes - size) + nextInterval();
        }
        boolean due = bytes >= mark; // a point falls inside this object's bytes
        while (mark <= bytes) {
            mark += nextInterval();
        }
        c[b + 2] = mark;
        if (due) {
            sample(o, tb, size);
        }
    }

    /**
     * Poisson sampling over each traceback's byte stream: sample points are an exponential
     * distance apart (mean {@code sampleBytes}); an object is sampled iff a point falls inside its
     * bytes, i.e. with probability p = 1 - exp(-size/mean), and then stands for size/p bytes and
     * 1/p objects (unbiased per traceback).
     */
    private void sample(Object o, int tb, long size) {
        double p = -Math.expm1(-(double) size / AllocSettings.sampleBytes);
        if (p <= 0) {
            p = 1e-12;
        }
        Liveness.track(o, tb, Math.round(size / p), 1.0 / p);
    }

    private long nextInterval() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        double u = ((x >>> 11) + 0.5) * 0x1.0p-53; // (0,1)
        return 1 + (long) (-Math.log(u) * AllocSettings.sampleBytes);
    }

    private long[] grow(int tb) {
        long[] c = counts;
        int n = c.length;
        while (n < STRIDE * (tb + 1)) {
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
        int id = Tracebacks.internRaw(copy);
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
     * shadow stack (depth &gt; 0): the frame's context, then a long-keyed lookup of the site.
     */
    int topTraceback(int loc, int limit) {
        int d = depth - 1;
        int c = ctx[d] - 1;
        if (c < 0) {
            c = context(d, limit);
        }
        return siteTraceback(c, loc);
    }

    /** Computes (and caches) the contexts of frames up to {@code d} from the nearest known one. */
    private int context(int d, int limit) {
        int[] cx = ctx;
        int j = d;
        while (j > 0 && cx[j] == 0) {
            j--;
        }
        int c = cx[j] - 1;
        if (c < 0) { // j == 0: the outermost frame has the root context {1}
            if (rootContext < 0) {
                rootContext = intern(new int[] {1});
            }
            c = rootContext;
            cx[0] = c + 1;
        }
        for (int i = j + 1; i <= d; i++) {
            c = child(c, fids[i - 1], lines[i - 1], limit);
            cx[i] = c + 1;
        }
        return c;
    }

    private static int mix(long a, int b) {
        long h = (a ^ ((long) b << 17) ^ b) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int child(int parent, int fid, int line, int limit) {
        long a = ((long) parent << 32) | (fid & 0xffffffffL);
        int mask = edgeA.length - 1;
        int i = mix(a, line) & mask;
        while (true) {
            int v = edgeC[i];
            if (v == 0) {
                break;
            }
            if (edgeA[i] == a && edgeB[i] == line) {
                return v - 1;
            }
            i = (i + 1) & mask;
        }
        int[] pk = ctxKeys[parent];
        int n = Math.min((pk.length - 1) / 2 + 1, limit - 1);
        int[] k = new int[1 + 2 * n];
        k[0] = pk[0] + 1;
        if (n > 0) {
            k[1] = fid;
            k[2] = line;
            System.arraycopy(pk, 1, k, 3, 2 * (n - 1));
        }
        int c = intern(k);
        edgeA[i] = a;
        edgeB[i] = line;
        edgeC[i] = c + 1;
        if (2 * ++edgeCount > edgeC.length) {
            rehashEdges();
        }
        return c;
    }

    private void rehashEdges() {
        long[] oa = edgeA;
        int[] ob = edgeB;
        int[] oc = edgeC;
        int n = oc.length * 2;
        long[] na = new long[n];
        int[] nb = new int[n];
        int[] nc = new int[n];
        for (int j = 0; j < oc.length; j++) {
            if (oc[j] == 0) {
                continue;
            }
            int i = mix(oa[j], ob[j]) & (n - 1);
            while (nc[i] != 0) {
                i = (i + 1) & (n - 1);
            }
            na[i] = oa[j];
            nb[i] = ob[j];
            nc[i] = oc[j];
        }
        edgeA = na;
        edgeB = nb;
        edgeC = nc;
    }

    /** Canonical context id of the context key {@code k}. */
    private int intern(int[] k) {
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
            for (int j = 0; j <= id; j++) {
                int g = java.util.Arrays.hashCode(ctxKeys[j]);
                g ^= g >>> 16;
                int x = g & (m - 1);
                while (nk[x] != null) {
                    x = (x + 1) & (m - 1);
                }
                nk[x] = ctxKeys[j];
                ni[x] = j;
            }
            ctxTableKeys = nk;
            ctxTableIds = ni;
        }
        return id;
    }

    private int siteTraceback(int c, int loc) {
        long k = ((long) (c + 1) << 32) | (loc & 0xffffffffL);
        long[] ks = siteKeys;
        int mask = ks.length - 1;
        int i = mix(k, 0) & mask;
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
        int id = Tracebacks.internRaw(raw);
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
            int i = mix(k, 0) & (n - 1);
            while (ks[i] != 0) {
                i = (i + 1) & (n - 1);
            }
            ks[i] = k;
            ids[i] = oldI[j];
        }
        siteKeys = ks;
        siteIds = ids;
    }

    long footprint() {
        return 16L + 8L * counts.length + 8L * cacheKeys.length + 4L * cacheIds.length
                + (long) cacheSize * (16 + 4L * key.length) + 12L * fids.length
                + 8L * ctxKeys.length + 12L * ctxTableKeys.length + 16L * edgeC.length + 12L * siteKeys.length
                + contextBytes;
    }
}
