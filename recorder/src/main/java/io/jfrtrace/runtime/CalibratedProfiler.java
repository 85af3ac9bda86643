package io.jfrtrace.runtime;

/**
 * {@link Profiler}'s hooks with {@code --calibrate}: each thread's clock runs behind the profiler's by the profiler's own
 * cost of the calls so far ({@link ThreadProfile#skew}), measured at start by the agent's Calibration in two parts: what
 * a call costs its caller's time ({@link #callerBias}: the hooks' work before the clock read on entry and after it on
 * return) and what it costs its own ({@link #calleeBias}: between the two reads, such as the native clock's return and
 * entry). The skew grows by the first on each entry and by the second on each return, so a call's own time loses the
 * callee part once and the caller part for each call it made, and its total time both parts for each call made within
 * it, as profile.py's bias (subtracted per event there) does. Woven instead of Profiler's hooks only when asked for, so
 * the default path carries none of it.
 */
public final class CalibratedProfiler {
    /** Clock units per call; set once by the agent before any woven code runs. */
    private static long callerBias;
    private static long calleeBias;

    private CalibratedProfiler() {
    }

    /** Sets the cost per call in the clock's units (negative measurements count as none). */
    public static void setBias(long callerTicks, long calleeTicks) {
        callerBias = Math.max(0, callerTicks);
        calleeBias = Math.max(0, calleeTicks);
    }

    /** The part of a call's cost its caller's time carries, in clock units. */
    public static long callerBias() {
        return callerBias;
    }

    /** The part of a call's cost its own time carries, in clock units. */
    public static long calleeBias() {
        return calleeBias;
    }

    /** Function {@code id}'s own time so far on the calling thread (the calibration's measurement). */
    public static long ownTime(int id) {
        long[] fn = Profiler.current().fn;
        int at = (id << 3) + ThreadProfile.IT;
        return at < fn.length ? fn[at] : 0;
    }

    /** Leaves the calling thread's profile (the calibration's own calls) out of every flush. */
    public static void forgetThisThread() {
        Profiler.remove(Profiler.current());
    }

    /** This thread's clock: the profiler's, less the calls' cost so far. */
    private static long now(ThreadProfile p) {
        return Clock.now() - p.skew;
    }

    public static ThreadProfile enter(int id) {
        ThreadProfile p = Profiler.current();
        stampPushed(p, p.push(id));
        return p;
    }

    public static ThreadProfile enterTarget(int id) {
        ThreadProfile p = Profiler.current();
        stampPushed(p, p.pushTarget(id, DispatchKeys.of(id)));
        return p;
    }

    public static void enterBuiltin(ThreadProfile p, long key) {
        stampPushed(p, p.pushBuiltin(key));
    }

    /** As Profiler's: the push is undone if the clock read overflows the stack. */
    private static void stampPushed(ThreadProfile p, int t0Index) {
        p.skew += callerBias;
        try {
            p.stamp(t0Index, now(p));
        } catch (StackOverflowError e) {
            p.skew -= callerBias;
            p.undoPush();
            throw e;
        }
    }

    public static void exit(ThreadProfile p, int id) {
        p.skew += calleeBias;
        p.exit(id, now(p));
    }

    public static void exitBuiltin(ThreadProfile p, long key) {
        p.skew += calleeBias;
        p.exitBuiltin(key, now(p));
    }

    public static void resume(ThreadProfile p, int id) {
        if (p.needsResume(id)) {
            p.resume(id, now(p));
        }
    }

    public static void line(ThreadProfile p, int line) {
        p.setLine(line);
    }
}
