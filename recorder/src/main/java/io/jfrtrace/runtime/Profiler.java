package io.jfrtrace.runtime;

import java.util.List;

/**
 * Static entry points called by instrumented code. Only int ids cross this boundary.
 * {@code enter} returns the thread's profile, which the instrumented method keeps in a
 * local and hands back to {@code exit}: one lookup of the thread's profile per call ({@link PerThread}).
 */
public final class Profiler {
    private static final PerThread<ThreadProfile> CURRENT = new PerThread<ThreadProfile>() {
        @Override
        protected ThreadProfile make(Thread owner) {
            return new ThreadProfile(owner);
        }
    };

    private Profiler() {
    }

    /** This thread's profile. */
    static ThreadProfile current() {
        return CURRENT.get();
    }

    /** Call of function {@code id}: bookkeeping first, clock read last. */
    public static ThreadProfile enter(int id) {
        ThreadProfile p = CURRENT.get();
        stampPushed(p, p.push(id));
        return p;
    }

    /**
     * Reads the clock into the call just pushed. The TSC clock is a JNI call, which can raise a
     * StackOverflowError at the deepest frame: the push is then undone, so that no frame without a
     * start time stays open (its caller's handler would count it as returning with a bogus time).
     */
    static void stampPushed(ThreadProfile p, int t0Index) {
        try {
            p.stamp(t0Index, Clock.now());
        } catch (StackOverflowError e) {
            p.undoPush();
            throw e;
        }
    }

    /** Return (normal or by exception) of function {@code id}: clock read first. */
    public static void exit(ThreadProfile p, int id) {
        long now = Clock.now();
        p.exit(id, now);
    }

    /**
     * Start of an exception handler in function {@code id}: drops frames that exceptions
     * left open above it (counted as returns). Reads the clock only if there are any.
     */
    public static void resume(ThreadProfile p, int id) {
        if (p.needsResume(id)) {
            p.resume(id, Clock.now());
        }
    }

    /**
     * Call of a method that overrides or implements an uninstrumented one (or of a lambda body),
     * with {@code --builtins}: a call through the built-in just entered counts as its caller's.
     */
    public static ThreadProfile enterTarget(int id) {
        ThreadProfile p = CURRENT.get();
        stampPushed(p, p.pushTarget(id, DispatchKeys.of(id)));
        return p;
    }

    /** Call of an uninstrumented ("built-in") function from instrumented code; {@code key}: see ThreadProfile.pushBuiltin. */
    public static void enterBuiltin(ThreadProfile p, long key) {
        stampPushed(p, p.pushBuiltin(key));
    }

    /** Return of an uninstrumented ("built-in") function. */
    public static void exitBuiltin(ThreadProfile p, long key) {
        long now = Clock.now();
        p.exitBuiltin(key, now);
    }

    /** Call site at {@code line} of the current function (only emitted when alloc NFRAME &gt; 1). */
    public static void line(ThreadProfile p, int line) {
        p.setLine(line);
    }

    /** A snapshot of all profiles registered so far (live and dead threads). */
    public static List<ThreadProfile> profiles() {
        return CURRENT.all();
    }

    /** Forgets one (after its dead thread's counters were flushed). */
    public static void remove(ThreadProfile c) {
        CURRENT.remove(c);
    }
}
