package io.jfrtrace.runtime;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * One thread's call counts for {@code --timer count}: cProfile's {@code callcount} and {@code reccallcount} per
 * function and per caller-&gt;callee edge, with no clock. The counts are those {@link ThreadProfile} gets (recursion
 * per function and per edge), but each call is counted when it begins: with no time to wait for, a return only
 * closes the call, and a call still open at the end is already counted, as cProfile's {@code disable()} would count
 * it.
 *
 * <p>Recursion without a level counter: a function (and an edge) keeps the stack index of its outermost open call,
 * valid while that index is below the top and still holds a call of it. A call that finds it invalid is primitive
 * and becomes the outermost (no call of it can be open then: the outermost one would have left a valid index). So
 * a return only takes its frame off, and a recursive call writes one counter per function and edge (CALLS), not
 * three: consecutive calls do not wait on each other's stores.
 *
 * <p>Per function {@code fn[4*(id+1) + CALLS/PRIMITIVE/OUTER/LAST]} (slot 0 is the thread's root, the caller of its
 * outermost calls, so that every call has one); per edge {@code edge[4*e + CALLS/PRIMITIVE/OUTER]}, the edge numbered
 * by a {@link KeyIndex} of (caller, callee); LAST caches a caller's last callee and its edge ({@code callee+1 << 32 | edge}). The shadow
 * stack holds one long per open call, {@code edge << 32 | id}, above the root's frame (index 0).
 *
 * <p>Only the owning thread mutates; a flusher may read the counters concurrently (edges up to the volatile
 * {@link #edgeCount()} are published).
 */
public final class ThreadCounts {
    public static final int CALLS = 0;
    /** Calls while no other call of the same function (or edge) was open; recursive calls are CALLS - PRIMITIVE. */
    public static final int PRIMITIVE = 1;
    private static final int OUTER = 2; // stack index of the outermost open call, if it still holds one (0: the root's)
    private static final int LAST = 3;
    /** Longs per function and per edge. */
    public static final int STRIDE = 4;
    /** The caller id of a thread's outermost calls (their edges are not cProfile's sub-entries). */
    public static final int ROOT = -1;

    long[] fn = new long[STRIDE * 64];
    /** Per function (index id + 1, as fn's), the edge of its last call: {@code caller+2 << 32 | edge} (0 = none). */
    private long[] lastCallers = new long[64];
    long[] edge = new long[STRIDE * 64];
    private final KeyIndex edges = new KeyIndex(64);

    private long[] stk = new long[64];
    private int depth = 1; // stk[0]: the root's frame

    private final WeakReference<Thread> owner;

    // ---- flusher-owned state (only touched under the flusher's lock) ----
    /** Function counters as last emitted by the flusher. */
    public long[] lastFn = new long[0];
    /** Edge counters as last emitted by the flusher. */
    public long[] lastEdge = new long[0];

    public ThreadCounts(Thread owner) {
        this.owner = owner == null ? null : new WeakReference<>(owner);
        stk[0] = frame(edgeIndex(ROOT, ROOT), ROOT); // edge 0: a sink, never emitted
    }

    /** True while the owning thread is alive (one without owner counts as alive). */
    public boolean isOwnerAlive() {
        if (owner == null) {
            return true;
        }
        Thread t = owner.get();
        return t != null && t.isAlive();
    }

    private static long frame(int edge, int id) {
        return (long) edge << 32 | id & 0xFFFFFFFFL;
    }

    // ------------------------------------------------------------------ events

    /**
     * Call of function {@code id}. Whatever may call a method (growth, a new edge) comes before the first change, so a
     * StackOverflowError there leaves the counts as they were.
     */
    void enter(int id) {
        int d = depth;
        long[] s = stk;
        if (d >= s.length) {
            s = growStack();
        }
        long[] f = fn;
        int fb = (id + 1) << 2;
        if (fb + STRIDE > f.length) {
            f = growFunctions(id);
        }
        int caller = (int) s[d - 1];
        int cb = (caller + 1) << 2;
        long last = f[cb + LAST];
        int e = (int) (last >>> 32) == id + 1 ? (int) last : newCallee(caller, id);
        long fr = frame(e, id);
        long[] g = edge;
        int eb = e << 2;
        f[fb + CALLS]++;
        int o = (int) f[fb + OUTER];
        if (o >= d || (int) s[o] != id) { // no call of id is open: this one is primitive, the outermost
            f[fb + OUTER] = d;
            f[fb + PRIMITIVE]++;
        }
        g[eb + CALLS]++;
        o = (int) g[eb + OUTER];
        if (o >= d || s[o] != fr) {
            g[eb + OUTER] = d;
            g[eb + PRIMITIVE]++;
        }
        s[d] = fr;
        depth = d + 1;
    }

    /**
     * Return (normal or by exception) of function {@code id}. If {@code id} is not on top, the frames above its nearest
     * open call are taken off with it (exceptions left them open); if none of {@code id} is open, nothing happens.
     * A frame taken off needs nothing else: the outermost-call indices it leaves behind no longer hold its call.
     */
    void exit(int id) {
        int d = depth - 1;
        if ((int) stk[d] != id) { // the root's frame (id -1) never matches
            unwind(id);
            return;
        }
        depth = d;
    }

    /** True if a call of {@code id} is open but not on top (see {@link #resume}). */
    boolean needsResume(int id) {
        int d = depth - 1;
        return d > 0 && (int) stk[d] != id;
    }

    /** An exception handler of {@code id} starts: the frames above its nearest open call are gone. */
    void resume(int id) {
        int i = find(id);
        if (i > 0) {
            popTo(i + 1);
        }
    }

    private void unwind(int id) {
        int i = find(id);
        if (i > 0) {
            popTo(i);
        }
    }

    /** The stack index of the nearest open call of {@code id}, 0 if none. */
    private int find(int id) {
        long[] s = stk;
        int i = depth - 1;
        while (i > 0 && (int) s[i] != id) {
            i--;
        }
        return i;
    }

    private void popTo(int newDepth) {
        depth = newDepth;
    }

    // ------------------------------------------------------------------ tables

    /**
     * The edge of a caller's call to another callee than last time: the callee's cached one if the callee's last
     * caller was this one (a caller that calls B, C, B, C misses its own cache every time, its callees' never), else
     * the table's. It becomes both caches'.
     */
    private int newCallee(int caller, int callee) {
        long[] lc = lastCallers;
        long c = lc[callee + 1];
        int e = (int) (c >>> 32) == caller + 2 ? (int) c : edgeIndex(caller, callee);
        fn[((caller + 1) << 2) + LAST] = (long) (callee + 1) << 32 | e;
        lc[callee + 1] = (long) (caller + 2) << 32 | e;
        return e;
    }

    /** The edge of caller-&gt;callee, numbered on its first call; its counters' room is made before it is published. */
    private int edgeIndex(int caller, int callee) {
        long k = KeyIndex.key(caller, callee);
        int e = edges.indexOf(k);
        if (e < 0) {
            if (STRIDE * (edges.size() + 1) > edge.length) {
                edge = Arrays.copyOf(edge, 2 * edge.length);
            }
            e = edges.add(k);
        }
        return e;
    }

    private long[] growStack() {
        long[] s = Arrays.copyOf(stk, stk.length * 2);
        stk = s;
        return s;
    }

    private long[] growFunctions(int id) {
        int n = fn.length / STRIDE;
        while (n <= id + 1) {
            n *= 2;
        }
        long[] a = Arrays.copyOf(fn, STRIDE * n);
        lastCallers = Arrays.copyOf(lastCallers, n);
        fn = a;
        return a;
    }

    // ------------------------------------------------------------------ readers

    /**
     * Current function counters, {@link #STRIDE} longs per function starting with CALLS and PRIMITIVE; function {@code id}'s
     * at {@code STRIDE * (id + 1)}, the root's (never counted) first.
     */
    public long[] functionCounters() {
        return fn;
    }

    /** Number of edges seen so far (edge 0 is the root's sink: no caller-&gt;callee pair). */
    public int edgeCount() {
        return edges.size();
    }

    /** Current edge counters ({@link #STRIDE} per edge), valid for indices below {@link #edgeCount()}. */
    public long[] edgeCounters() {
        return edge;
    }

    /** The caller of edge {@code e} ({@link #ROOT} for a thread's outermost calls). */
    public int edgeCaller(int e) {
        return (int) (edges.key(e) >>> 32);
    }

    public int edgeCallee(int e) {
        return (int) edges.key(e);
    }

    /** Open calls. */
    public int depth() {
        return depth - 1;
    }

    // convenience accessors (tests)
    private long fnField(int id, int field) {
        long[] f = fn;
        int i = STRIDE * (id + 1) + field;
        return i < f.length ? f[i] : 0;
    }

    public long callCount(int id) {
        return fnField(id, CALLS);
    }

    public long recursiveCallCount(int id) {
        return fnField(id, CALLS) - fnField(id, PRIMITIVE);
    }

    /** Edge counter {@code field} (CALLS, PRIMITIVE) of caller-&gt;callee, 0 if never called. */
    public long edge(int caller, int callee, int field) {
        int e = edges.indexOf(KeyIndex.key(caller, callee));
        return e < 0 ? 0 : edge[STRIDE * e + field];
    }
}
