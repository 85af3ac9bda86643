package io.jfrtrace.runtime;

/**
 * The frame hooks of {@code record --call-tree}: {@link Profiler}'s, each also keeping the thread's {@link CallTree}
 * (the node of every open frame, and the calls each pop adds to its node). Woven instead of Profiler's only when the
 * option is on, so that the default hooks stay as they are. The thread state handed to the other hooks is the same
 * {@link ThreadProfile}.
 */
public final class TreeProfiler {
    private TreeProfiler() {
    }

    /** Call of function {@code id}: the profile's push, its node, then the clock read last. */
    public static ThreadProfile enter(int id) {
        ThreadProfile p = Profiler.current();
        CallTree t = CallTree.of(p);
        int d = p.depth;
        int t0 = p.push(id);
        try {
            t.pushed(p, d, id);
        } catch (StackOverflowError e) {
            p.undoPush();
            throw e;
        }
        Profiler.stampPushed(p, t0);
        return p;
    }

    /** Return (normal or by exception) of function {@code id}: clock read first. */
    public static void exit(ThreadProfile p, int id) {
        long now = Clock.now();
        int d = p.depth;
        p.exit(id, now);
        p.tree.popped(p, d, now);
    }

    /** Start of an exception handler in function {@code id}: frames exceptions left open above it return. */
    public static void resume(ThreadProfile p, int id) {
        if (p.needsResume(id)) {
            long now = Clock.now();
            int d = p.depth;
            p.resume(id, now);
            p.tree.popped(p, d, now);
        }
    }

    /** As {@link Profiler#enterTarget}: a call through a built-in that lands here is its caller's call. */
    public static ThreadProfile enterTarget(int id) {
        ThreadProfile p = Profiler.current();
        CallTree t = CallTree.of(p);
        int d = p.depth;
        int t0 = p.pushTarget(id, DispatchKeys.of(id)); // at depth d also when it sets the built-in below aside
        try {
            t.targetPushed(p, d, id);
        } catch (StackOverflowError e) {
            p.undoPush();
            throw e;
        }
        Profiler.stampPushed(p, t0);
        return p;
    }

    /** Call of an uninstrumented ("built-in") function; {@code key}: see ThreadProfile.pushBuiltin. */
    public static void enterBuiltin(ThreadProfile p, long key) {
        int d = p.depth;
        int t0 = p.pushBuiltin(key);
        try {
            p.tree.pushed(p, d, (int) key);
        } catch (StackOverflowError e) {
            p.undoPush();
            throw e;
        }
        Profiler.stampPushed(p, t0);
    }

    /** Return of an uninstrumented ("built-in") function. */
    public static void exitBuiltin(ThreadProfile p, long key) {
        long now = Clock.now();
        int d = p.depth;
        p.exitBuiltin(key, now);
        p.tree.popped(p, d, now);
    }

    /** Call site at {@code line} of the current function (only woven when alloc NFRAME &gt; 1). */
    public static void line(ThreadProfile p, int line) {
        p.setLine(line);
    }
}
