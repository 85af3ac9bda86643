package io.jfrtrace.runtime;

import java.lang.ref.WeakReference;

/**
 * One thread's call profile: a faithful port of CPython's {@code _lsprof}
 * (Modules/_lsprof.c) on primitive arrays.
 *
 * <p>Per function id: {@code fn[8*id + CALLS/REC/IT/TT/LEVEL/...]}.
 * Per caller-&gt;callee edge (dense index, assigned on first call):
 * {@code edge[8*e + ...]}, the edge numbered by a {@link KeyIndex} of (caller, callee). The shadow stack keeps for each open
 * call its function id, start time, time spent in sub-calls and edge index.
 *
 * <p>The clock value is a parameter so the algorithm is testable with a fake clock.
 * Only the owning thread mutates; a flusher may read the counters concurrently.
 */
public final class ThreadProfile {
    public static final int CALLS = 0;
    public static final int REC = 1;
    public static final int IT = 2;
    public static final int TT = 3;
    /** Longs per function / per edge in the packed arrays (one cache line). */
    public static final int STRIDE = 8;
    private static final int LEVEL = 4;
    private static final int LAST_CALLEE = 5; // callee id + 1 of this caller's last call (0 = none)
    private static final int LAST_EDGE = 6;   // edge index of that call
    private static final int LAST_CALLER = 7; // caller id + 1 << 32 | edge index of this callee's last call (0 = none)

    // per function: fn[8*id + CALLS/REC/IT/TT/LEVEL/LAST_CALLEE/LAST_EDGE/LAST_CALLER], grown on demand
    long[] fn = new long[STRIDE * 64];

    // per edge (dense index): edge[8*e + CALLS/REC/IT/TT/LEVEL], its key caller<<32 | callee in edges
    long[] edge = new long[STRIDE * 64];
    private final KeyIndex edges = new KeyIndex(64);

    // shadow stack, FRAME longs per open call: function id, edge index (-1 = none), t0, subt.
    // A built-in's id slot holds its call key: selector << 32 | id (see pushBuiltin), and the sign
    // bit (DISPATCHED) once the call turned out to land directly in instrumented code.
    static final int FRAME = 4;
    static final long DISPATCHED = Long.MIN_VALUE;
    int depth;
    private long[] stk = new long[4 * 64];
    // line currently executing in each open frame (stored by call sites only when alloc NFRAME > 1)
    private int[] lines = new int[64];

    /**
     * With --calibrate, how far this thread's clock runs behind the profiler's: the cost per call times the calls
     * entered so far (CalibratedProfiler). Written by the owner only; the flusher reads it to close open calls.
     */
    long skew;

    /** Allocation-tracing state of this thread (set lazily by AllocTracker). */
    public AllocThread alloc;

    /** With {@code --call-tree}: this thread's calling-context tree (set at its first call by TreeProfiler). */
    public CallTree tree;

    /** The thread this profile belongs to (weak, so dead threads can be collected). */
    private final WeakReference<Thread> owner;

    // ---- flusher-owned state (only touched under the flusher's lock) ----
    /** Function counters as last emitted by the flusher. */
    public long[] lastFn = new long[0];
    /** Edge counters as last emitted by the flusher. */
    public long[] lastEdge = new long[0];

    public ThreadProfile(Thread owner) {
        this.owner = owner == null ? null : new WeakReference<>(owner);
    }

    /** The clock's {@link #skew} for this thread (0 without --calibrate). */
    public long skew() {
        return skew;
    }

    /** True while the owning thread is alive (a profile without owner counts as alive). */
    public boolean isOwnerAlive() {
        if (owner == null) {
            return true;
        }
        Thread t = owner.get();
        return t != null && t.isAlive();
    }

    /** The owning thread, null once collected (or for a profile without one). */
    public Thread owner() {
        return owner == null ? null : owner.get();
    }

    // ------------------------------------------------------------------ events

    /** Call of function {@code id} at clock time {@code now}. */
    public void enter(int id, long now) {
        int i = push(id); // not stk[push(id)]: push may replace the array
        stk[i] = now;
    }

    /** Sets the start time of the call just pushed (clock read last, as in _lsprof). */
    void stamp(int t0Index, long now) {
        stk[t0Index] = now;
    }

    /**
     * Pushes a call of {@code id} and returns the stack index where its start time goes.
     * Everything that may call a method (growth, edge lookup) happens before any state is
     * changed, so a StackOverflowError cannot leave the counters half-updated.
     */
    int push(int id) {
        int d = depth;
        int sb = d << 2;
        long[] s = stk;
        if (sb + 4 > s.length) {
            s = growStack();
        }
        long[] f = fn;
        int fb = id << 3;
        if (fb + STRIDE > f.length) {
            f = growFunctions(id);
        }
        int e = -1;
        if (d > 0) {
            int caller = (int) s[sb - 4];
            int cb = caller << 3;
            e = f[cb + LAST_CALLEE] == id + 1 ? (int) f[cb + LAST_EDGE] : newCallee(f, caller, id);
            edge[(e << 3) + LEVEL]++;
        }
        f[fb + LEVEL]++;
        s[sb] = id;
        s[sb + 1] = e;
        s[sb + 3] = 0;
        depth = d + 1;
        return sb + 2;
    }

    /** Takes back the last {@link #push}, before its start time was set; calls nothing, so it cannot overflow. */
    void undoPush() {
        int d = depth - 1;
        if (d < 0) {
            return;
        }
        long[] s = stk;
        int sb = d << 2;
        fn[(((int) s[sb]) << 3) + LEVEL]--;
        int e = (int) s[sb + 1];
        if (e >= 0) {
            edge[(e << 3) + LEVEL]--;
        }
        depth = d;
    }

    /**
     * Pushes a call into uninstrumented code. {@code key} is the built-in's function id, with the
     * call's selector (its name and descriptor, for calls that dispatch on the receiver) in the
     * upper half, kept in the frame so that {@link #pushTarget} can recognise the call.
     */
    int pushBuiltin(long key) {
        int i = push((int) key);
        stk[i - 2] = key;
        return i;
    }

    /**
     * Pushes a call of {@code id}, a method that overrides or implements an uninstrumented one
     * (or a lambda body). If the frame on top is a built-in whose call key is in {@code keys}, that
     * call is landing directly here: a Comparator.compare through the interface running the app's
     * compare. cProfile makes a built-in entry only for calls that run no Python code, so the
     * built-in's frame is set aside (it will count nothing) and this call counts as the caller's.
     * A JDK method that calls back (List.sort calling compare) has another key and keeps its entry.
     */
    int pushTarget(int id, long[] keys) {
        int d = depth;
        if (d > 0 && keys != null) {
            long top = stk[(d - 1) << 2];
            for (long k : keys) {
                if (k == top) {
                    return pushDispatched(id);
                }
            }
        }
        return push(id);
    }

    /**
     * {@link #pushTarget} for a call through the built-in frame on top: marks it DISPATCHED, takes its
     * recursion levels back, and pushes {@code id} with the built-in's caller as its caller. The
     * edge lookup and any growth happen before the first change, as in {@link #push}.
     */
    private int pushDispatched(int id) {
        int b = depth - 1;
        int caller = b > 0 ? (int) stk[(b - 1) << 2] : -1;
        long[] f = fn;
        if ((id << 3) + STRIDE > f.length) {
            f = growFunctions(id);
        }
        int e = -1;
        if (caller >= 0) {
            int cb = caller << 3;
            e = f[cb + LAST_CALLEE] == id + 1 ? (int) f[cb + LAST_EDGE] : newCallee(f, caller, id);
        }
        long[] s = stk;
        int sb = (b + 1) << 2;
        if (sb + 4 > s.length) {
            s = growStack();
        }
        int bb = b << 2;
        f[(((int) s[bb]) << 3) + LEVEL]--;
        int be = (int) s[bb + 1];
        if (be >= 0) {
            edge[(be << 3) + LEVEL]--;
        }
        s[bb] |= DISPATCHED;
        s[bb + 1] = -1;
        if (e >= 0) {
            edge[(e << 3) + LEVEL]++;
        }
        f[(id << 3) + LEVEL]++;
        s[sb] = id;
        s[sb + 1] = e;
        s[sb + 3] = 0;
        depth = b + 2;
        return sb + 2;
    }

    /**
     * Return (normal or by exception) of the built-in call {@code key} (see {@link #pushBuiltin}):
     * its own frame, or the same frame set aside by a dispatch, or (frames left above it) an unwind.
     */
    void exitBuiltin(long key, long now) {
        int d = depth;
        if (d == 0) {
            return;
        }
        long top = stk[(d - 1) << 2];
        if (top == key) {
            pop(now);
        } else if (top == (key | DISPATCHED)) {
            popDispatched();
        } else {
            unwind((int) key, now);
        }
    }

    /**
     * Return (normal or by exception) of function {@code id} at clock time {@code now}.
     * If {@code id} is not the top frame, frames above it are popped first (each counted
     * as a return at {@code now}); if no frame of {@code id} is open the event is ignored.
     */
    public void exit(int id, long now) {
        int d = depth;
        if (d == 0) {
            return;
        }
        if ((int) stk[(d - 1) << 2] != id) {
            unwind(id, now);
            return;
        }
        pop(now);
    }

    private void unwind(int id, long now) {
        long[] s = stk;
        int i = depth - 2;
        while (i >= 0 && (int) s[i << 2] != id) {
            i--;
        }
        if (i < 0) {
            return;
        }
        while (depth > i) {
            popAny(now);
        }
    }

    /**
     * True if an activation of {@code id} is open but not on top (frames above it were left
     * by exceptions that instrumented code never saw leave, e.g. from a constructor's super()).
     */
    boolean needsResume(int id) {
        int d = depth;
        return d > 0 && (int) stk[(d - 1) << 2] != id;
    }

    /**
     * An exception handler of {@code id} is starting: pops the frames above the nearest open
     * activation of {@code id}, counting them as returns at {@code now}. No-op if none is open.
     */
    public void resume(int id, long now) {
        long[] s = stk;
        int i = depth - 1;
        while (i >= 0 && (int) s[i << 2] != id) {
            i--;
        }
        if (i < 0) {
            return;
        }
        while (depth > i + 1) {
            popAny(now);
        }
    }

    /** Pops every open frame (like {@code Profiler.disable()}), all at time {@code now}. */
    public void popAll(long now) {
        while (depth > 0) {
            popAny(now);
        }
    }

    /** Pops the top frame, whichever kind it is (the paths where exceptions left frames open). */
    private void popAny(long now) {
        if (stk[(depth - 1) << 2] < 0) {
            popDispatched();
        } else {
            pop(now);
        }
    }

    /**
     * Pops a built-in frame set aside by a dispatch: it counts nothing, and its caller's time in
     * sub-calls gets what the frame's own sub-calls took, as if the caller had called them directly.
     */
    private void popDispatched() {
        int top = depth - 1;
        long[] s = stk;
        int sb = top << 2;
        if (sb > 0) {
            s[sb - 1] += s[sb + 3];
        }
        depth = top;
    }

    private void pop(long now) {
        int top = depth - 1;
        long[] s = stk;
        int sb = top << 2;
        int f = (int) s[sb];
        long tt = now - s[sb + 2];
        long it = tt - s[sb + 3];
        if (sb > 0) {
            s[sb - 1] += tt; // caller's subt
        }
        depth = top;
        long[] a = fn;
        int b = f << 3;
        if (--a[b + LEVEL] == 0) {
            a[b + TT] += tt;
        } else {
            a[b + REC]++;
        }
        a[b + IT] += it;
        a[b + CALLS]++;
        int e = (int) s[sb + 1];
        if (e >= 0) {
            long[] g = edge;
            int c = e << 3;
            if (--g[c + LEVEL] == 0) {
                g[c + TT] += tt;
            } else {
                g[c + REC]++;
            }
            g[c + IT] += it;
            g[c + CALLS]++;
        }
    }

    // ------------------------------------------------------------------ tables

    /**
     * The edge of a caller's call to another callee than last time: the callee's cached one if the callee's last
     * caller was this one (a caller that calls B, C, B, C misses its own cache every time, its callees' never), else
     * the table's. It becomes both caches'. {@code f} holds both functions.
     */
    private int newCallee(long[] f, int caller, int callee) {
        int fb = callee << 3;
        long c = f[fb + LAST_CALLER];
        int e = (int) (c >>> 32) == caller + 1 ? (int) c : edgeIndex(caller, callee);
        int cb = caller << 3;
        f[cb + LAST_CALLEE] = callee + 1;
        f[cb + LAST_EDGE] = e;
        f[fb + LAST_CALLER] = (long) (caller + 1) << 32 | e;
        return e;
    }

    /** The edge of caller-&gt;callee, numbered on its first call; its counters' room is made before it is published. */
    private int edgeIndex(int caller, int callee) {
        long k = KeyIndex.key(caller, callee);
        int e = edges.indexOf(k);
        if (e < 0) {
            if (STRIDE * (edges.size() + 1) > edge.length) {
                edge = java.util.Arrays.copyOf(edge, 2 * edge.length);
            }
            e = edges.add(k);
        }
        return e;
    }

    private long[] growStack() {
        lines = java.util.Arrays.copyOf(lines, stk.length / 2);
        long[] s = java.util.Arrays.copyOf(stk, stk.length * 2);
        stk = s;
        return s;
    }

    private long[] growFunctions(int id) {
        int n = fn.length / STRIDE;
        while (n <= id) {
            n *= 2;
        }
        long[] a = java.util.Arrays.copyOf(fn, STRIDE * n);
        fn = a;
        return a;
    }

    // ------------------------------------------------------------------ readers

    /** Current function counters, {@link #STRIDE} longs per id starting with CALLS, REC, IT, TT. */
    public long[] functionCounters() {
        return fn;
    }

    /** Number of edges seen so far. */
    public int edgeCount() {
        return edges.size();
    }

    /** Current edge counters ({@link #STRIDE} per edge), valid for indices below {@link #edgeCount()}. */
    public long[] edgeCounters() {
        return edge;
    }

    public int edgeCaller(int e) {
        return (int) (edges.key(e) >>> 32);
    }

    public int edgeCallee(int e) {
        return (int) edges.key(e);
    }

    public int depth() {
        return depth;
    }

    // ---------------------------------------------- read by another thread (see OpenCalls)

    /**
     * A copy of the open frames, {@link #FRAME} longs each (id, edge index, t0, subt), outermost
     * first. Reads without locking and writes nothing: when the owner runs meanwhile, the copy may
     * be torn, and {@link OpenCalls} validates it.
     */
    long[] copyFrames() {
        int d = depth;
        long[] s = stk;
        int n = Math.max(0, Math.min(d, s.length / FRAME));
        return java.util.Arrays.copyOf(s, n * FRAME);
    }

    /** Whether {@code id} has counters in this profile (the owner grows the table before it pushes an id). */
    boolean hasFunction(int id) {
        return id >= 0 && STRIDE * (long) id + STRIDE <= fn.length;
    }

    /** The published (caller &lt;&lt; 32 | callee) key of edge {@code e}, or -1 if there is no such edge yet. */
    long publishedEdgeKey(int e) {
        return e >= 0 && e < edges.size() ? edges.key(e) : -1;
    }

    static long edgeKey(int caller, int callee) {
        return KeyIndex.key(caller, callee);
    }

    /** Stores the line now executing in the top frame (before a call; alloc NFRAME &gt; 1). */
    void setLine(int line) {
        int d = depth - 1;
        if (d >= 0) {
            lines[d] = line;
        }
    }

    /** Function id of open frame {@code i} (0 = outermost). */
    int frameId(int i) {
        return (int) stk[i << 2];
    }

    /** Whether open frame {@code i} is a built-in's set aside by a dispatch (it counts nothing). */
    boolean frameDispatched(int i) {
        return stk[i << 2] < 0;
    }

    /** Start time of open (or just popped) frame {@code i}. */
    long frameStart(int i) {
        return stk[(i << 2) + 2];
    }

    /** Time in sub-calls of open (or just popped) frame {@code i}: what its pop took off its own time. */
    long frameSubcalls(int i) {
        return stk[(i << 2) + 3];
    }

    /** Line last stored by open frame {@code i}. */
    int frameLine(int i) {
        int[] l = lines;
        return i < l.length ? l[i] : 0;
    }

    // convenience accessors (tests)
    private long fnField(int id, int field) {
        long[] f = fn;
        return STRIDE * id + field < f.length ? f[STRIDE * id + field] : 0;
    }

    public long callCount(int id) {
        return fnField(id, CALLS);
    }

    public long recursiveCallCount(int id) {
        return fnField(id, REC);
    }

    public long inlineTime(int id) {
        return fnField(id, IT);
    }

    public long totalTime(int id) {
        return fnField(id, TT);
    }

    /** Edge counter {@code field} (CALLS, REC, IT, TT) of caller-&gt;callee, 0 if never called. */
    public long edge(int caller, int callee, int field) {
        int e = edges.indexOf(KeyIndex.key(caller, callee));
        return e < 0 ? 0 : edge[STRIDE * e + field];
    }
}
