package io.jfrtrace.runtime;

import java.lang.ref.WeakReference;

/**
 * One thread's call profile: a faithful port of CPython's {@code _lsprof}
 * (Modules/_lsprof.c) on primitive arrays.
 *
 * <p>Per function id: {@code fn[4*id + CALLS/REC/IT/TT]} and {@code fnLevel[id]}.
 * Per caller-&gt;callee edge (dense index, assigned on first call):
 * {@code edge[4*e + ...]}, {@code edgeLevel[e]}, {@code edgeKeys[e]}; an open-addressing
 * table maps (caller, callee) to the edge index. The shadow stack keeps for each open
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

    // per function (packed by 4), grown on demand
    long[] fn = new long[4 * 64];
    int[] fnLevel = new int[64];

    // per edge (dense)
    long[] edge = new long[4 * 64];
    int[] edgeLevel = new int[64];
    long[] edgeKeys = new long[64];
    volatile int edgeCount;
    // open addressing: slot -> edge index + 1 (0 = empty)
    private int[] table = new int[128];
    private int tableMask = 127;

    // shadow stack
    int depth;
    private int[] stackFn = new int[64];
    private int[] stackEdge = new int[64];
    private long[] stackT0 = new long[64];
    private long[] stackSubt = new long[64];

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

    /** True while the owning thread is alive (a profile without owner counts as alive). */
    public boolean isOwnerAlive() {
        if (owner == null) {
            return true;
        }
        Thread t = owner.get();
        return t != null && t.isAlive();
    }

    // ------------------------------------------------------------------ events

    /** Call of function {@code id} at clock time {@code now}. */
    public void enter(int id, long now) {
        push(id);
        stackT0[depth - 1] = now;
    }

    /** Sets the start time of the call just pushed (clock read last, as in _lsprof). */
    void stamp(long now) {
        stackT0[depth - 1] = now;
    }

    /**
     * Pushes a call of {@code id}. Everything that may call a method (growth, edge lookup)
     * happens before any state is changed, so a StackOverflowError cannot leave the
     * counters half-updated.
     */
    void push(int id) {
        int d = depth;
        if (d == stackFn.length) {
            growStack();
        }
        if (id >= fnLevel.length) {
            growFunctions(id);
        }
        int e = -1;
        if (d > 0) {
            e = edgeIndex(stackFn[d - 1], id);
        }
        fnLevel[id]++;
        if (e >= 0) {
            edgeLevel[e]++;
        }
        stackFn[d] = id;
        stackEdge[d] = e;
        stackSubt[d] = 0;
        depth = d + 1;
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
        if (stackFn[d - 1] != id) {
            int i = d - 2;
            while (i >= 0 && stackFn[i] != id) {
                i--;
            }
            if (i < 0) {
                return;
            }
            while (depth > i + 1) {
                pop(now);
            }
        }
        pop(now);
    }

    /** Pops every open frame (like {@code Profiler.disable()}), all at time {@code now}. */
    public void popAll(long now) {
        while (depth > 0) {
            pop(now);
        }
    }

    private void pop(long now) {
        int top = depth - 1;
        int f = stackFn[top];
        long tt = now - stackT0[top];
        long it = tt - stackSubt[top];
        if (top > 0) {
            stackSubt[top - 1] += tt;
        }
        depth = top;
        long[] a = fn;
        int b = f << 2;
        if (--fnLevel[f] == 0) {
            a[b + TT] += tt;
        } else {
            a[b + REC]++;
        }
        a[b + IT] += it;
        a[b + CALLS]++;
        int e = stackEdge[top];
        if (e >= 0) {
            long[] s = edge;
            int c = e << 2;
            if (--edgeLevel[e] == 0) {
                s[c + TT] += tt;
            } else {
                s[c + REC]++;
            }
            s[c + IT] += it;
            s[c + CALLS]++;
        }
    }

    // ------------------------------------------------------------------ tables

    private static long key(int caller, int callee) {
        return ((long) caller << 32) | (callee & 0xffffffffL);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private int edgeIndex(int caller, int callee) {
        long k = key(caller, callee);
        int[] t = table;
        int mask = tableMask;
        int i = hash(k) & mask;
        while (true) {
            int v = t[i];
            if (v == 0) {
                return addEdge(k, i);
            }
            if (edgeKeys[v - 1] == k) {
                return v - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private int addEdge(long k, int slot) {
        int e = edgeCount;
        if (e == edgeLevel.length) {
            int n = e * 2;
            long[] ne = java.util.Arrays.copyOf(edge, 4 * n);
            int[] nl = java.util.Arrays.copyOf(edgeLevel, n);
            long[] nk = java.util.Arrays.copyOf(edgeKeys, n);
            edgeKeys = nk;
            edgeLevel = nl;
            edge = ne;
        }
        edgeKeys[e] = k;
        table[slot] = e + 1;
        edgeCount = e + 1; // volatile write publishes the key
        if (2 * (e + 1) > table.length) {
            rehash();
        }
        return e;
    }

    private void rehash() {
        int n = table.length * 2;
        int[] t = new int[n];
        int mask = n - 1;
        int cnt = edgeCount;
        for (int e = 0; e < cnt; e++) {
            int i = hash(edgeKeys[e]) & mask;
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = e + 1;
        }
        table = t;
        tableMask = mask;
    }

    private void growStack() {
        int n = stackFn.length * 2;
        int[] a = java.util.Arrays.copyOf(stackFn, n);
        int[] b = java.util.Arrays.copyOf(stackEdge, n);
        long[] c = java.util.Arrays.copyOf(stackT0, n);
        long[] d = java.util.Arrays.copyOf(stackSubt, n);
        stackFn = a;
        stackEdge = b;
        stackT0 = c;
        stackSubt = d;
    }

    private void growFunctions(int id) {
        int n = fnLevel.length;
        while (n <= id) {
            n *= 2;
        }
        long[] a = java.util.Arrays.copyOf(fn, 4 * n);
        int[] l = java.util.Arrays.copyOf(fnLevel, n);
        fnLevel = l;
        fn = a;
    }

    // ------------------------------------------------------------------ readers

    /** Current function counters (packed by 4: CALLS, REC, IT, TT); may be longer than needed. */
    public long[] functionCounters() {
        return fn;
    }

    /** Number of edges seen so far. */
    public int edgeCount() {
        return edgeCount;
    }

    /** Current edge counters (packed by 4), valid for indices below {@link #edgeCount()}. */
    public long[] edgeCounters() {
        return edge;
    }

    public int edgeCaller(int e) {
        return (int) (edgeKeys[e] >>> 32);
    }

    public int edgeCallee(int e) {
        return (int) edgeKeys[e];
    }

    public int depth() {
        return depth;
    }

    // convenience accessors (tests)
    public long callCount(int id) {
        return id < fnLevel.length ? fn[4 * id + CALLS] : 0;
    }

    public long recursiveCallCount(int id) {
        return id < fnLevel.length ? fn[4 * id + REC] : 0;
    }

    public long inlineTime(int id) {
        return id < fnLevel.length ? fn[4 * id + IT] : 0;
    }

    public long totalTime(int id) {
        return id < fnLevel.length ? fn[4 * id + TT] : 0;
    }

    /** Edge counter {@code field} (CALLS, REC, IT, TT) of caller-&gt;callee, 0 if never called. */
    public long edge(int caller, int callee, int field) {
        long k = key(caller, callee);
        int cnt = edgeCount;
        for (int e = 0; e < cnt; e++) {
            if (edgeKeys[e] == k) {
                return edge[4 * e + field];
            }
        }
        return 0;
    }
}
