package io.jfrtrace.runtime;

import java.util.List;

/**
 * Static entry points of {@code --timer count}, called by instrumented code as {@link Profiler}'s are with the wall
 * or CPU clock: {@code enter} returns the thread's {@link ThreadCounts}, which the method keeps in a local and hands
 * back to {@code exit} and {@code resume}. No clock is read: each hook is a few loads and stores, small enough for the
 * JIT to inline into the instrumented method.
 */
public final class CallCounter {
    private static final PerThread<ThreadCounts> CURRENT = new PerThread<ThreadCounts>() {
        @Override
        protected ThreadCounts make(Thread owner) {
            return new ThreadCounts(owner);
        }
    };

    private CallCounter() {
    }

    /** Call of function {@code id}. */
    public static ThreadCounts enter(int id) {
        ThreadCounts c = CURRENT.get();
        c.enter(id);
        return c;
    }

    /** Return (normal or by exception) of function {@code id}. */
    public static void exit(ThreadCounts c, int id) {
        c.exit(id);
    }

    /** Start of an exception handler in function {@code id}: drops the frames exceptions left open above it. */
    public static void resume(ThreadCounts c, int id) {
        if (c.needsResume(id)) {
            c.resume(id);
        }
    }

    /** A snapshot of the threads' counts registered so far (live and dead threads). */
    public static List<ThreadCounts> counts() {
        return CURRENT.all();
    }

    /** Forgets one (after its dead thread's counters were flushed). */
    public static void remove(ThreadCounts c) {
        CURRENT.remove(c);
    }
}
