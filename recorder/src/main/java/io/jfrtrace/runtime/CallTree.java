package io.jfrtrace.runtime;

import java.util.Arrays;

/**
 * One thread's calling-context tree ({@code record --call-tree}): a node per distinct call path (root → … →
 * function), with the calls that returned on that path and their self and total time. It rides on the thread's
 * {@link ThreadProfile}: that shadow stack decides what a call, a return, an unwind or a dispatched built-in is, and
 * this class keeps, per open frame, the node the frame's call path ends in, and adds each frame the profile pops to
 * its node (see {@link TreeProfiler}, whose hooks run only when the option is on).
 *
 * <p>A node is never open twice on one thread (a second activation of the same path would be the same frame), so a
 * node's total time is the plain sum of its calls' durations: recursion makes deeper paths, not double counts.
 *
 * <p>Bounded: at most {@link #limit()} call paths per thread. A call whose path would need a node beyond the bound is
 * counted in the "(truncated)" child of the deepest node its path has (created once per node, outside the bound), and
 * so is everything it calls. A truncated node therefore holds whole subtrees: its self time is all of their time, and
 * its total time, as recorded, is that self time (the flusher writes it so; nested activations of it would otherwise
 * count twice).
 *
 * <p>Only the owning thread changes the tree; the flusher reads the counters of the nodes below {@link #count()}
 * (published by a volatile write after each new node's key), and owns the fields marked as its own.
 */
public final class CallTree {
    /** The root: the virtual caller of a thread's outermost calls. */
    public static final int ROOT = 0;
    /** The function of a "(truncated)" node. */
    public static final int TRUNCATED = -1;
    /** Counters per node: calls, self time, total time (ticks), and the cache of its last child. */
    public static final int CALLS = 0;
    public static final int SELF = 1;
    public static final int TOTAL = 2;
    private static final int LAST_CHILD = 3; // (function + 1) << 32 | node of the child looked up last; 0: none
    public static final int STRIDE = 4;

    /** The bound of every thread's tree: the agent sets it (callTree=N) before it weaves the hooks that make one. */
    private static volatile int defaultLimit = Integer.MAX_VALUE;
    /** Recordings with call trees started in this JVM (several under attach). */
    private static volatile int recordings;

    private final int limit;
    /** The recording it was made in ({@link #start}): a thread's tree of an earlier one (attach) is replaced. */
    private final int madeIn = recordings;
    /** The nodes, numbered by their key: parent << 32 | function (the root, node 0: ROOT_KEY). */
    private final KeyIndex nodes = new KeyIndex(64);
    private long[] counters = new long[STRIDE * 64];
    /** Nodes that are call paths (not the root, not "(truncated)"): what the bound counts. */
    private int paths;
    /** Per open frame of the thread's profile (by depth): the node its call path ends in. */
    private int[] frames = new int[64];

    private static final long ROOT_KEY = KeyIndex.key(-1, -2);

    // ---- the flusher's own (touched by the flushing thread only) ----
    /** Node counters as last taken by the flusher ({@link #STRIDE} per node). */
    public long[] flushed = new long[0];
    /** Per node below {@link #mapped}, its node in the flusher's tree of all threads. */
    public int[] merged = new int[0];
    /** The flusher's tree that {@link #merged} maps into (each attach's recording has its own). */
    public Object mergedInto;
    /** How many nodes, from the root, {@link #merged} maps. */
    public int mapped;

    /** A tree bounded by {@code limit} call paths. */
    public CallTree(int limit) {
        this.limit = limit;
        nodes.add(ROOT_KEY); // node 0, ROOT
    }

    /**
     * A recording with call trees starts ({@code --call-tree=N}): the trees made from now on hold at most {@code limit}
     * paths. A thread's tree made for an earlier recording (an earlier attach's) is replaced at the thread's next call:
     * the new recording numbers its paths anew, and the old one's frames still open count in its root, never written.
     */
    public static void start(int limit) {
        defaultLimit = limit;
        recordings++;
    }

    /** {@code p}'s tree for this recording, made on its first call in it. */
    static CallTree of(ThreadProfile p) {
        CallTree t = p.tree;
        if (t == null || t.madeIn != recordings) {
            t = new CallTree(defaultLimit);
            p.tree = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ what the profile did

    /**
     * The profile has just pushed, at depth {@code d}, a call of {@code id} (a function, or a built-in's id): its node
     * is its caller's node's child. Growth and lookups may call methods, so this runs before the call's start time is
     * set: a StackOverflowError here leaves the frame for the caller to take back (see TreeProfiler).
     */
    void pushed(ThreadProfile p, int d, int id) {
        int[] f = frames;
        if (d >= f.length) {
            f = growFrames(d);
        }
        f[d] = child(d > 0 ? f[d - 1] : ROOT, id);
    }

    /**
     * As {@link #pushed}, for a method a built-in call may land in directly: if the profile set the built-in's frame
     * below aside (it counts nothing), that frame takes its caller's node, and the call is its caller's child.
     */
    void targetPushed(ThreadProfile p, int d, int id) {
        int[] f = frames;
        if (d >= f.length) {
            f = growFrames(d);
        }
        if (d > 0 && p.frameDispatched(d - 1)) {
            f[d - 1] = d > 1 ? f[d - 2] : ROOT;
        }
        f[d] = child(d > 0 ? f[d - 1] : ROOT, id);
    }

    /**
     * The profile has just popped its frames from depth {@code before - 1} down to its depth now, all returning at
     * {@code now} (one return, or an unwind): each adds a call and its times to its node. The popped frames are still
     * in the profile's stack, each with the time in sub-calls its own pop used.
     */
    void popped(ThreadProfile p, int before, long now) {
        long[] c = counters;
        int[] f = frames;
        for (int k = before - 1, end = p.depth; k >= end; k--) {
            if (p.frameDispatched(k)) {
                continue; // a built-in set aside counts nothing
            }
            long tt = now - p.frameStart(k);
            int b = f[k] << 2;
            c[b + CALLS]++;
            c[b + SELF] += tt - p.frameSubcalls(k);
            c[b + TOTAL] += tt;
        }
    }

    // ------------------------------------------------------------------ nodes

    /** The node of {@code function} called on the path of {@code parent}: the last one looked up there, else found or made. */
    int child(int parent, int function) {
        long last = counters[(parent << 2) + LAST_CHILD];
        if ((int) (last >>> 32) == function + 1) {
            return (int) last;
        }
        int node = find(parent, function);
        counters[(parent << 2) + LAST_CHILD] = ((long) (function + 1) << 32) | node;
        return node;
    }

    private int find(int parent, int function) {
        if ((int) nodes.key(parent) == TRUNCATED) {
            return parent; // below the bound's edge, everything is that "(truncated)"
        }
        int node = nodes.indexOf(KeyIndex.key(parent, function));
        if (node >= 0) {
            return node;
        }
        if (paths < limit) {
            node = add(KeyIndex.key(parent, function));
            paths++;
            return node;
        }
        long t = KeyIndex.key(parent, TRUNCATED);
        int truncated = nodes.indexOf(t);
        return truncated >= 0 ? truncated : add(t);
    }

    /** A new node of key {@code k}; its counters' room is made before it is published. */
    private int add(long k) {
        if (STRIDE * (nodes.size() + 1) > counters.length) {
            counters = Arrays.copyOf(counters, 2 * counters.length);
        }
        return nodes.add(k);
    }

    private int[] growFrames(int d) {
        int[] f = Arrays.copyOf(frames, Math.max(d + 1, 2 * frames.length));
        frames = f;
        return f;
    }

    // ------------------------------------------------------------------ readers (the flusher, tests)

    /** The bound: call paths at most. */
    public int limit() {
        return limit;
    }

    /** Nodes so far, the root included; the keys and counters below it are published. */
    public int count() {
        return nodes.size();
    }

    /** The counters, {@link #STRIDE} per node (CALLS, SELF, TOTAL), valid below {@link #count()}. */
    public long[] counters() {
        return counters;
    }

    /** The parent of node {@code n} (below {@link #count()}, not the root). */
    public int parent(int n) {
        return (int) (nodes.key(n) >>> 32);
    }

    /** The function of node {@code n}: a function id, or {@link #TRUNCATED}. */
    public int function(int n) {
        return (int) nodes.key(n);
    }

    /** The nodes of the profile's open frames, outermost first (a copy; another thread's read may be torn). */
    public int[] openNodes(int depth) {
        int[] f = frames;
        return Arrays.copyOf(f, Math.max(0, Math.min(depth, f.length)));
    }

    /** Node of the call path {@code functions} (root first), or -1 if there is none (tests). */
    public int node(int... functions) {
        int n = ROOT;
        for (int fn : functions) {
            n = nodes.indexOf(KeyIndex.key(n, fn));
            if (n < 0) {
                return -1;
            }
        }
        return n;
    }

    /** Counter {@code field} (CALLS, SELF, TOTAL) of node {@code n} (tests). */
    public long counter(int n, int field) {
        return counters[(n << 2) + field];
    }
}
