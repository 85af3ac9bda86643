package io.jfrtrace.runtime;

import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Allocation tracing (tracemalloc for the JVM): the hooks instrumented code calls, with int ids
 * only, and the entry points of the agent and of {@code jfr-trace-api.jar}. Allocated totals are
 * exact and kept per thread ({@link AllocThread}, summed by {@link AllocatedTotals}); liveness comes
 * from weak references, one per object ({@code exact}) or one per ~{@code sampleBytes} allocated
 * bytes ({@link Liveness}); tracebacks are interned ids ({@link Tracebacks}); {@link AllocSnapshots}
 * builds the snapshots.
 *
 * <p>The names and descriptors here are a contract: the instrumenter emits calls to the hooks (a
 * change shows in every instrumented class), and the API finds the entry points reflectively by name
 * (an application may bundle an older API jar).
 */
public final class AllocTracker {
    /**
     * The state handed out last. While one thread does most of the allocating (the common case)
     * this finds its state with a field read and an id compare instead of a ThreadLocal lookup,
     * which C2 would otherwise inline into every allocating method. Racy on purpose: a reference
     * read is atomic and AllocThread.threadId is final.
     */
    private static AllocThread last;
    /** Set by {@link #threadSlow()}; no initialValue, so that all the slow path lives in one method. */
    private static final ThreadLocal<AllocThread> CURRENT = new ThreadLocal<>();

    private AllocTracker() {
    }

    // ------------------------------------------------------------------ entry points

    /** Turns tracing on; called once by the agent before any class is instrumented. */
    public static synchronized void start(Instrumentation instrumentation, int frames, boolean exactMode,
                                          long meanSampleBytes, boolean withBuiltins, boolean withProfile) {
        if (AllocSettings.enabled) {
            return;
        }
        AllocSettings.inst = instrumentation;
        AllocSettings.nframe = Math.max(1, frames);
        AllocSettings.exact = exactMode;
        AllocSettings.sampleBytes = Math.max(1, meanSampleBytes);
        AllocSettings.builtins = withBuiltins;
        AllocSettings.profile = withProfile;
        Liveness.startReaper();
        AllocSettings.enabled = true;
    }

    public static void setSink(AllocSnapshot.Sink s) {
        AllocSnapshots.setSink(s);
    }

    public static boolean isEnabled() {
        return AllocSettings.enabled;
    }

    public static int tracebackLimit() {
        return AllocSettings.enabled ? AllocSettings.nframe : 0;
    }

    public static boolean isExact() {
        return AllocSettings.exact;
    }

    /** Takes a snapshot and hands it to the sink; returns its id (0 if tracing is off). */
    public static int snapshot(String label, String reason) {
        return AllocSettings.enabled ? AllocSnapshots.take(label, reason) : 0;
    }

    /** {current, peak} traced bytes (sampled: capped at the bytes allocated since start or clearTraces). */
    public static long[] tracedMemory() {
        return Liveness.tracedMemory(AllocSettings.exact ? null : AllocatedTotals.merged());
    }

    public static void resetPeak() {
        Liveness.resetPeak();
    }

    /** Forgets all traces: live data, allocated totals, current and peak. */
    public static void clearTraces() {
        Liveness.clear(AllocatedTotals.merged());
    }

    /** The tracker's own memory, estimated. */
    public static long memory() {
        return AllocSnapshots.memory();
    }

    /** The traceback (oldest first, {@code file:line}) of a tracked object, else null. */
    public static List<String> objectTraceback(Object o) {
        if (o == null || !AllocSettings.enabled) {
            return null;
        }
        int tb = Liveness.tracebackOf(o);
        return tb < 0 ? null : Tracebacks.frameList(tb);
    }

    // ------------------------------------------------------------------ hot path

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
            t = new AllocThread(Thread.currentThread(), AllocSettings.nframe);
            AllocatedTotals.register(t);
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
            t.add(o, t.depth > 0 ? t.topTraceback(loc, AllocSettings.nframe) : StackKeys.light(t, loc, t.depth - 2));
        }
    }

    /** Allocation with NFRAME &gt; 1, outer frames from the call profiler's shadow stack (top = this method). */
    public static void deep(Object o, int loc, ThreadProfile p) {
        if (o != null) {
            AllocThread t = p.alloc;
            if (t == null) {
                t = attach(p);
            }
            t.add(o, StackKeys.profiled(t, p, loc, p.depth - 2));
        }
    }

    /**
     * Allocation with NFRAME &gt; 1 in a method that has no frame of its own on the shadow stack
     * (a constructor whose super() call could not be located): every open frame is an outer one.
     */
    public static void deep(Object o, int loc) {
        if (o == null) {
            return;
        }
        if (AllocSettings.profile) {
            ThreadProfile p = Profiler.current();
            AllocThread t = p.alloc;
            if (t == null) {
                t = attach(p);
            }
            t.add(o, StackKeys.profiled(t, p, loc, p.depth - 1));
        } else {
            AllocThread t = thread();
            t.add(o, StackKeys.light(t, loc, t.depth - 1));
        }
    }
}
