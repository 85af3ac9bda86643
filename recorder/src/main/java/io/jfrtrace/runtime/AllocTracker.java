package io.jfrtrace.runtime;

import java.lang.instrument.Instrumentation;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation tracing (tracemalloc for the JVM). Instrumented allocation sites call the static
 * {@code site}/{@code deep} methods with int ids only. Allocated totals are exact and kept per
 * thread; liveness comes from weak references, one per object ({@code exact}) or one per
 * ~{@link #sampleBytes} allocated bytes (Poisson sampling, see {@link AllocThread}).
 *
 * <p>A location is a {@code (file, line)} pair; a traceback is an array of location ids, most
 * recent first, plus its total depth. Both are interned to int ids.
 */
public final class AllocTracker {
    static volatile boolean enabled;
    static int nframe = 1;
    static boolean exact;
    static boolean builtins;
    static boolean profile = true;
    static long sampleBytes = 64 * 1024;
    static Instrumentation inst;

    /**
     * The Instrumentation as a constant for the hot path. Initialized on first use, which is an
     * allocation after {@link #start} (only instrumented code counts): C2 folds a static final of an
     * initialized class, so {@code getObjectSize} needs no load and no type check of its receiver: per
     * allocation C2 has then one type guard and one load fewer (checked in its code on JDK 25).
     */
    static final class Size {
        static final Instrumentation OF = inst;

        private Size() {
        }
    }
    private static AllocSnapshot.Sink sink;

    private static final List<AllocThread> THREADS = new ArrayList<>();
    /** Set by {@link #threadSlow()}; no initialValue, so that all the slow path lives in one method. */
    private static final ThreadLocal<AllocThread> CURRENT = new ThreadLocal<>();

    // ---- locations and tracebacks (guarded by TB) ----
    private static final Object TB = new Object();
    private static final Map<String, Integer> LOC_IDS = new HashMap<>();
    private static String[] locFile = new String[256];
    private static int[] locLine = new int[256];
    private static int locCount;
    private static final Map<Key, Integer> TB_IDS = new HashMap<>();
    private static int[][] tbLocs = new int[256][];
    private static int[] tbTotal = new int[256];
    private static int tbCount;

    // ---- liveness (guarded by LIVE) ----
    private static final Object LIVE = new Object();
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    private static AllocSample[] buckets = new AllocSample[1024];
    private static int samples;
    private static long[] liveBytes = new long[256];
    private static double[] liveCount = new double[256];
    /** Weights of every sample ever taken per traceback (dead ones too), for the survival-ratio estimate. */
    private static long[] sampledBytes = new long[256];
    private static double[] sampledCount = new double[256];
    private static long current;
    private static long peak;
    private static int generation;
    /** Allocated totals of dead threads, and the totals at the last clearTraces. */
    private static long[] deadCounts = new long[0];
    private static long[] base = new long[0];

    private static final Object SNAP = new Object();
    private static int snapshotSeq;

    private AllocTracker() {
    }

    private static final class Key {
        final int[] a;
        final int h;

        Key(int[] a) {
            this.a = a;
            this.h = Arrays.hashCode(a);
        }

        @Override
        public int hashCode() {
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Arrays.equals(a, ((Key) o).a);
        }
    }

    // ------------------------------------------------------------------ setup

    /** Turns tracing on; called once by the agent before any class is instrumented. */
    public static synchronized void start(Instrumentation instrumentation, int frames, boolean exactMode,
                                          long meanSampleBytes, boolean withBuiltins, boolean withProfile) {
        if (enabled) {
            return;
        }
        inst = instrumentation;
        nframe = Math.max(1, frames);
        exact = exactMode;
        sampleBytes = Math.max(1, meanSampleBytes);
        builtins = withBuiltins;
        profile = withProfile;
        Thread reaper = new Thread(AllocTracker::reap, "jfr-trace alloc reaper");
        reaper.setDaemon(true);
        reaper.start();
        enabled = true;
    }

    public static void setSink(AllocSnapshot.Sink s) {
        sink = s;
    }

    public static boolean isEnabled() {
        return enabled;
    }

    public static int tracebackLimit() {
        return enabled ? nframe : 0;
    }

    public static boolean isExact() {
        return exact;
    }

    /** Location id of {@code (file, line)}. */
    public static int location(String file, int line) {
        synchronized (TB) {
            String k = file + ':' + line;
            Integer id = LOC_IDS.get(k);
            if (id != null) {
                return id;
            }
            int n = locCount;
            if (n == locFile.length) {
                locFile = Arrays.copyOf(locFile, 2 * n);
                locLine = Arrays.copyOf(locLine, 2 * n);
            }
            locFile[n] = file;
            locLine[n] = line;
            locCount = n + 1;
            LOC_IDS.put(k, n);
            return n;
        }
    }

    /** The one-frame traceback of an allocation site (NFRAME = 1), interned at instrumentation time. */
    public static int siteTraceback(String file, int line) {
        return intern(new int[] {1, location(file, line)});
    }

    /** Interns {@code [total, loc (most recent), loc, ...]}. */
    static int intern(int[] key) {
        synchronized (TB) {
            Key k = new Key(key);
            Integer id = TB_IDS.get(k);
            if (id != null) {
                return id;
            }
            int n = tbCount;
            if (n == tbLocs.length) {
                tbLocs = Arrays.copyOf(tbLocs, 2 * n);
                tbTotal = Arrays.copyOf(tbTotal, 2 * n);
            }
            tbLocs[n] = Arrays.copyOfRange(key, 1, key.length);
            tbTotal[n] = key[0];
            tbCount = n + 1;
            TB_IDS.put(k, n);
            return n;
        }
    }

    /** Interns a raw shadow-stack key {@code [total, siteLoc, fid, line, fid, line, ...]}. */
    static int internRaw(int[] raw) {
        int frames = 1 + (raw.length - 2) / 2;
        int[] key = new int[1 + frames];
        key[0] = raw[0];
        key[1] = raw[1];
        for (int i = 1; i < frames; i++) {
            int fid = raw[2 * i];
            key[1 + i] = location(FunctionRegistry.file(fid), raw[2 * i + 1]);
        }
        return intern(key);
    }

    // ------------------------------------------------------------------ hot path

    /**
     * The state handed out last. While one thread does most of the allocating (the common case)
     * this finds its state with a field read and an id compare instead of a ThreadLocal lookup,
     * which C2 would otherwise inline into every allocating method. Racy on purpose: a reference
     * read is atomic and AllocThread.threadId is final.
     */
    private static AllocThread last;

    /** This thread's state (instrumented code keeps it in a local, so one lookup per activation). */
    public static AllocThread thread() {
        AllocThread t = last;
        if (t != null && t.threadId == Thread.currentThread().getId()) {
            return t;
        }
        return threadSlow();
    }

    /**
     * The ThreadLocal lookup and the registration of a new thread, in one method larger than C2's
     * MaxInlineSize (35 bytes) and rarely called, so that C2 keeps it out of the code it inlines into
     * every allocating method (since JDK 18 C2 inlines small methods even at rarely taken call sites).
     */
    private static AllocThread threadSlow() {
        AllocThread t = CURRENT.get();
        if (t == null) {
            t = new AllocThread(Thread.currentThread(), nframe);
            synchronized (THREADS) {
                THREADS.add(t);
            }
            CURRENT.set(t);
        }
        last = t;
        return t;
    }

    /**
     * Allocation at a one-frame site, call profiling off. {@code t} is the method's cached
     * thread state, null until its first allocation; the (non-null) state is returned for the
     * caller to keep, so a method pays at most one ThreadLocal lookup per activation.
     */
    public static AllocThread site(Object o, int tb, AllocThread t) {
        if (t == null) {
            t = thread();
        }
        t.add(o, tb); // o is the result of an allocation instruction or helper: never null
        return t;
    }

    /** Allocation at a one-frame site in a method without a thread-state local. */
    public static void site(Object o, int tb) {
        if (o != null) {
            thread().add(o, tb);
        }
    }

    /** Allocation at a one-frame site, call profiling on (the profile carries the thread's state). */
    public static void site(Object o, int tb, ThreadProfile p) {
        if (o != null) {
            AllocThread t = p.alloc;
            if (t == null) {
                t = attach(p);
            }
            t.add(o, tb);
        }
    }

    private static AllocThread attach(ThreadProfile p) {
        AllocThread t = threadSlow();
        p.alloc = t;
        return t;
    }

    // ---- light shadow stack: NFRAME > 1 with call profiling off (no clock, no tables) ----

    /** Call of instrumented function {@code fid}: one ThreadLocal lookup and a push. */
    public static AllocThread enter(int fid) {
        AllocThread t = thread();
        t.push(fid);
        return t;
    }

    /** Return (normal or by exception) of {@code fid}. */
    public static void exit(AllocThread t, int fid) {
        t.pop(fid);
    }

    /** Start of an exception handler in {@code fid}: drops frames exceptions left open above it. */
    public static void resume(AllocThread t, int fid) {
        t.resume(fid);
    }

    /** Call site at {@code line} of the current function. */
    public static void line(AllocThread t, int line) {
        t.setLine(line);
    }

    /** Allocation with NFRAME &gt; 1, outer frames from the light shadow stack (top = this method). */
    public static void deep(Object o, int loc, AllocThread t) {
        if (o != null) {
            t.add(o, t.depth > 0 ? t.topTraceback(loc, nframe) : lightKey(t, loc, t.depth - 2));
        }
    }

    private static int lightKey(AllocThread t, int loc, int outer) {
        int[] k = t.key;
        int limit = nframe;
        k[1] = loc;
        int pos = 2;
        int n = 1;
        for (int i = outer; i >= 0 && n < limit; i--, n++) {
            k[pos++] = t.frameId(i);
            k[pos++] = t.frameLine(i);
        }
        k[0] = Math.max(outer + 2, 1);
        return t.lookup(pos);
    }

    /** Allocation with NFRAME &gt; 1, outer frames from the call profiler's shadow stack (top = this method). */
    public static void deep(Object o, int loc, ThreadProfile p) {
        if (o != null) {
            AllocThread t = p.alloc;
            if (t == null) {
                t = attach(p);
            }
            t.add(o, profileKey(t, p, loc, p.depth - 2));
        }
    }

    private static int profileKey(AllocThread t, ThreadProfile p, int loc, int outer) {
        int[] k = t.key;
        int limit = nframe;
        k[1] = loc;
        int pos = 2;
        int n = 1;
        int total;
        if (!builtins) {
            total = Math.max(outer + 2, 1);
            for (int i = outer; i >= 0 && n < limit; i--, n++) {
                k[pos++] = p.frameId(i);
                k[pos++] = p.frameLine(i);
            }
        } else {
            total = 1;
            for (int i = outer; i >= 0; i--) {
                int fid = p.frameId(i);
                if (FunctionRegistry.isBuiltin(fid)) {
                    continue;
                }
                total++;
                if (n < limit) {
                    k[pos++] = fid;
                    k[pos++] = p.frameLine(i);
                    n++;
                }
            }
        }
        k[0] = total;
        return t.lookup(pos);
    }

    /**
     * Allocation with NFRAME &gt; 1 in a method that has no frame of its own on the shadow stack
     * (a constructor whose super() call could not be located): every open frame is an outer one.
     */
    public static void deep(Object o, int loc) {
        if (o == null) {
            return;
        }
        if (profile) {
            ThreadProfile p = Profiler.current();
            AllocThread t = p.alloc;
            if (t == null) {
                t = attach(p);
            }
            t.add(o, profileKey(t, p, loc, p.depth - 1));
        } else {
            AllocThread t = thread();
            t.add(o, lightKey(t, loc, t.depth - 1));
        }
    }

    // ------------------------------------------------------------------ liveness

    static void track(Object o, int tb, long bytes, double count) {
        int h = System.identityHashCode(o);
        synchronized (LIVE) {
            AllocSample s = new AllocSample(o, QUEUE, tb, bytes, count, h, generation);
            AllocSample[] b = buckets;
            int i = h & (b.length - 1);
            s.next = b[i];
            b[i] = s;
            if (++samples > 2 * b.length) {
                rehashBuckets();
            }
            if (tb >= liveBytes.length) {
                int n = liveBytes.length;
                while (n <= tb) {
                    n *= 2;
                }
                liveBytes = Arrays.copyOf(liveBytes, n);
                liveCount = Arrays.copyOf(liveCount, n);
                sampledBytes = Arrays.copyOf(sampledBytes, n);
                sampledCount = Arrays.copyOf(sampledCount, n);
            }
            liveBytes[tb] += bytes;
            liveCount[tb] += count;
            sampledBytes[tb] += bytes;
            sampledCount[tb] += count;
            long c = current += bytes;
            if (c > peak) {
                peak = c;
            }
        }
    }

    private static void rehashBuckets() {
        AllocSample[] old = buckets;
        AllocSample[] b = new AllocSample[old.length * 2];
        int mask = b.length - 1;
        for (AllocSample head : old) {
            for (AllocSample s = head; s != null;) {
                AllocSample nx = s.next;
                int i = s.hash & mask;
                s.next = b[i];
                b[i] = s;
                s = nx;
            }
        }
        buckets = b;
    }

    /** Forgets a sample whose object died (caller holds LIVE). */
    private static void untrackLocked(AllocSample s) {
        if (s.dead || s.generation != generation) {
            return;
        }
        s.dead = true;
        AllocSample[] b = buckets;
        int i = s.hash & (b.length - 1);
        AllocSample prev = null;
        for (AllocSample x = b[i]; x != null; prev = x, x = x.next) {
            if (x == s) {
                if (prev == null) {
                    b[i] = x.next;
                } else {
                    prev.next = x.next;
                }
                break;
            }
        }
        samples--;
        liveBytes[s.traceback] -= s.bytes;
        liveCount[s.traceback] -= s.count;
        current -= s.bytes;
    }

    private static void reap() {
        while (true) {
            try {
                Reference<?> r = QUEUE.remove();
                synchronized (LIVE) {
                    untrackLocked((AllocSample) r);
                    for (Reference<?> x; (x = QUEUE.poll()) != null;) {
                        untrackLocked((AllocSample) x);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // keep reaping
            }
        }
    }

    /** Drains the queue and sweeps every tracked reference the GC already cleared. */
    private static void sweep() {
        synchronized (LIVE) {
            for (Reference<?> x; (x = QUEUE.poll()) != null;) {
                untrackLocked((AllocSample) x);
            }
            AllocSample[] b = buckets;
            for (int i = 0; i < b.length; i++) {
                AllocSample prev = null;
                for (AllocSample s = b[i]; s != null; s = s.next) {
                    if (s.get() == null) {
                        untrackLocked(s); // unlinks s, prev stays
                    } else {
                        prev = s;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ API

    /**
     * {current, peak} traced bytes. Sampled, both are sums of sample weights (size/p per sampled object), which can
     * pass what was allocated (one sampled 64 KiB array weighs 101 KiB at the default distance): they are capped at
     * the bytes allocated since start or clearTraces, which no live total can exceed.
     */
    public static long[] tracedMemory() {
        long[] totals = exact ? null : mergedCounts();
        synchronized (LIVE) {
            if (exact) {
                return new long[] {current, peak};
            }
            long allocated = allocatedBytesSince(totals, base);
            return new long[] {Math.min(current, allocated), Math.min(peak, allocated)};
        }
    }

    /** Bytes allocated from the totals {@code since} (pairs as {@link #mergedCounts()}) to {@code totals}. */
    private static long allocatedBytesSince(long[] totals, long[] since) {
        long bytes = 0;
        for (int i = 1; i < totals.length; i += 2) {
            bytes += totals[i] - at(since, i);
        }
        return bytes;
    }

    public static void resetPeak() {
        synchronized (LIVE) {
            peak = current;
        }
    }

    /** Forgets all traces: live data, allocated totals, current and peak. */
    public static void clearTraces() {
        long[] totals = mergedCounts();
        synchronized (LIVE) {
            generation++;
            buckets = new AllocSample[1024];
            samples = 0;
            Arrays.fill(liveBytes, 0);
            Arrays.fill(liveCount, 0);
            Arrays.fill(sampledBytes, 0);
            Arrays.fill(sampledCount, 0);
            current = 0;
            peak = 0;
            base = totals;
        }
    }

    /** The tracker's own memory, estimated. */
    public static long memory() {
        long m = 0;
        synchronized (THREADS) {
            for (AllocThread t : THREADS) {
                m += t.footprint();
            }
        }
        synchronized (LIVE) {
            m += 8L * buckets.length + 56L * samples + 32L * liveBytes.length + 8L * (deadCounts.length + base.length);
        }
        synchronized (TB) {
            m += 12L * locFile.length + 12L * tbLocs.length + 48L * (TB_IDS.size() + LOC_IDS.size());
            for (int i = 0; i < tbCount; i++) {
                m += 16 + 4L * tbLocs[i].length;
            }
        }
        return m;
    }

    /** The traceback (oldest first, {@code file:line}) of a tracked object, else null. */
    public static List<String> objectTraceback(Object o) {
        if (o == null || !enabled) {
            return null;
        }
        int h = System.identityHashCode(o);
        int tb = -1;
        synchronized (LIVE) {
            AllocSample[] b = buckets;
            for (AllocSample s = b[h & (b.length - 1)]; s != null; s = s.next) {
                if (s.hash == h && s.get() == o) {
                    tb = s.traceback;
                    break;
                }
            }
        }
        if (tb < 0) {
            return null;
        }
        synchronized (TB) {
            int[] locs = tbLocs[tb];
            List<String> out = new ArrayList<>(locs.length);
            for (int i = locs.length - 1; i >= 0; i--) {
                out.add(locFile[locs[i]] + ':' + locLine[locs[i]]);
            }
            return Collections.unmodifiableList(out);
        }
    }

    /**
     * Sum of every thread's allocated counters (folding in threads that died), as pairs:
     * [2*tb] = objects, [2*tb+1] = bytes.
     */
    private static long[] mergedCounts() {
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

    /** Takes a snapshot and hands it to the sink; returns its id (0 if tracing is off). */
    public static int snapshot(String label, String reason) {
        if (!enabled) {
            return 0;
        }
        synchronized (SNAP) {
            // Dead objects must really be gone, or every snapshot would count uncollected garbage as
            // live (tracemalloc sees every free). One full collection per snapshot is the price.
            System.gc();
            sweep();
            long[] totals = mergedCounts();
            AllocSnapshot s = new AllocSnapshot();
            s.id = ++snapshotSeq;
            s.label = label;
            s.reason = reason;
            s.tracebackLimit = nframe;
            s.exact = exact;
            s.recorderMemory = memory();
            int ntb;
            int[][] locs;
            int[] totalN;
            String[] lf;
            int[] ll;
            synchronized (TB) {
                ntb = tbCount;
                locs = tbLocs;
                totalN = tbTotal;
                lf = locFile;
                ll = locLine;
            }
            long[] lb;
            double[] lc;
            long[] sb0;
            double[] sc0;
            long[] b;
            synchronized (LIVE) {
                lb = Arrays.copyOf(liveBytes, Math.max(ntb, liveBytes.length));
                lc = Arrays.copyOf(liveCount, Math.max(ntb, liveCount.length));
                sb0 = Arrays.copyOf(sampledBytes, Math.max(ntb, sampledBytes.length));
                sc0 = Arrays.copyOf(sampledCount, Math.max(ntb, sampledCount.length));
                s.tracedCurrent = current;
                s.tracedPeak = peak;
                b = base;
            }
            s.size = new long[ntb];
            s.count = new long[ntb];
            s.totalNframe = new int[ntb];
            s.frames = new int[ntb][];
            s.locationFiles = lf;
            s.locationLines = ll;
            s.allocatedSize = new long[ntb];
            s.allocatedCount = new long[ntb];
            int r = 0;
            for (int tb = 0; tb < ntb; tb++) {
                long ac = at(totals, 2 * tb) - at(b, 2 * tb);
                long as = at(totals, 2 * tb + 1) - at(b, 2 * tb + 1);
                long size = Math.max(0, lb[tb]);
                long count = Math.max(0, Math.round(lc[tb]));
                if (!exact) {
                    // Survival ratio: the exact allocated totals times the share of this site's
                    // samples still alive. A site whose samples all live (a leak) or all died
                    // (garbage) comes out exact; only mixed sites carry sampling error.
                    size = survivors(as, lb[tb], sb0[tb]);
                    count = Math.round(survivorsD(ac, lc[tb], sc0[tb]));
                }
                if (ac == 0 && size == 0 && count == 0) {
                    continue;
                }
                s.size[r] = size;
                s.count[r] = count;
                s.totalNframe[r] = totalN[tb];
                s.frames[r] = locs[tb];
                s.allocatedSize[r] = as;
                s.allocatedCount[r] = ac;
                r++;
            }
            s.rows = r;
            if (!exact) {
                long sum = 0;
                for (int i = 0; i < r; i++) {
                    sum += s.size[i];
                }
                s.tracedCurrent = sum; // get_traced_memory()[0] is the sum of the traces
                // the peak of the sample weights, at least the current estimate, at most all that was allocated
                s.tracedPeak = Math.min(Math.max(s.tracedPeak, sum), allocatedBytesSince(totals, b));
            }
            AllocSnapshot.Sink k = sink;
            if (k != null) {
                k.emit(s);
            }
            return s.id;
        }
    }

    private static long survivors(long allocated, long liveWeight, long sampledWeight) {
        if (sampledWeight <= 0 || liveWeight <= 0) {
            return 0;
        }
        return liveWeight >= sampledWeight ? allocated : Math.round(allocated * ((double) liveWeight / sampledWeight));
    }

    private static double survivorsD(long allocated, double liveWeight, double sampledWeight) {
        if (sampledWeight <= 0 || liveWeight <= 0) {
            return 0;
        }
        return liveWeight >= sampledWeight ? allocated : allocated * (liveWeight / sampledWeight);
    }

    private static long at(long[] a, int i) {
        return i < a.length ? a[i] : 0;
    }
}
