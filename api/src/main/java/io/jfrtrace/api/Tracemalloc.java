package io.jfrtrace.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Python's {@code tracemalloc} functions for a program running under the jfr-trace agent with
 * allocation tracing ({@code alloc=N}). Compile against {@code jfr-trace-api.jar}; without the
 * agent (or with allocation tracing off) every method is a harmless no-op returning zero, false
 * or null. Snapshots are not returned: they are written to the recording as
 * {@code jfrtrace.AllocationSnapshot}/{@code jfrtrace.AllocationTrace} events.
 */
public final class Tracemalloc {
    /** {@code get_traced_memory()}: traced live bytes now and at their peak. */
    public record TracedMemory(long current, long peak) {
    }

    private static final String RUNTIME = "io.jfrtrace.runtime.AllocTracker";
    private static final MethodHandle SNAPSHOT;
    private static final MethodHandle TRACED;
    private static final MethodHandle RESET_PEAK;
    private static final MethodHandle CLEAR;
    private static final MethodHandle ENABLED;
    private static final MethodHandle LIMIT;
    private static final MethodHandle MEMORY;
    private static final MethodHandle TRACEBACK;

    static {
        MethodHandle[] h = new MethodHandle[8];
        try {
            Class<?> c = Class.forName(RUNTIME, false, null); // the agent's bootstrap runtime, if any
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            h[0] = l.findStatic(c, "snapshot", MethodType.methodType(int.class, String.class, String.class));
            h[1] = l.findStatic(c, "tracedMemory", MethodType.methodType(long[].class));
            h[2] = l.findStatic(c, "resetPeak", MethodType.methodType(void.class));
            h[3] = l.findStatic(c, "clearTraces", MethodType.methodType(void.class));
            h[4] = l.findStatic(c, "isEnabled", MethodType.methodType(boolean.class));
            h[5] = l.findStatic(c, "tracebackLimit", MethodType.methodType(int.class));
            h[6] = l.findStatic(c, "memory", MethodType.methodType(long.class));
            h[7] = l.findStatic(c, "objectTraceback", MethodType.methodType(List.class, Object.class));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            h = new MethodHandle[8];
        }
        SNAPSHOT = h[0];
        TRACED = h[1];
        RESET_PEAK = h[2];
        CLEAR = h[3];
        ENABLED = h[4];
        LIMIT = h[5];
        MEMORY = h[6];
        TRACEBACK = h[7];
    }

    private Tracemalloc() {
    }

    /** Whether allocations are being traced ({@code tracemalloc.is_tracing()}). */
    public static boolean isTracing() {
        try {
            return ENABLED != null && (boolean) ENABLED.invokeExact();
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Writes a snapshot of all traces to the recording ({@code reason=api}, this label) and
     * returns its id (1, 2, ...), or 0 when not tracing.
     */
    public static int takeSnapshot(String label) {
        if (!isTracing()) {
            return 0;
        }
        try {
            String l = label == null ? "api" : label; // a String-typed argument for invokeExact
            return (int) SNAPSHOT.invokeExact(l, "api");
        } catch (Throwable t) {
            return 0;
        }
    }

    /** {@code get_traced_memory()}: {current, peak} traced bytes; zeros when not tracing. */
    public static TracedMemory getTracedMemory() {
        if (!isTracing()) {
            return new TracedMemory(0, 0);
        }
        try {
            long[] v = (long[]) TRACED.invokeExact();
            return new TracedMemory(v[0], v[1]);
        } catch (Throwable t) {
            return new TracedMemory(0, 0);
        }
    }

    /** {@code reset_peak()}: the peak becomes the current traced size. */
    public static void resetPeak() {
        run(RESET_PEAK);
    }

    /** {@code clear_traces()}: forgets every trace and allocated total; current and peak become 0. */
    public static void clearTraces() {
        run(CLEAR);
    }

    /** {@code get_traceback_limit()}: the agent's {@code alloc=N}, 0 when not tracing. */
    public static int getTracebackLimit() {
        if (!isTracing()) {
            return 0;
        }
        try {
            return (int) LIMIT.invokeExact();
        } catch (Throwable t) {
            return 0;
        }
    }

    /** {@code get_tracemalloc_memory()}: the tracker's own footprint estimate in bytes. */
    public static long getTracemallocMemory() {
        if (!isTracing()) {
            return 0;
        }
        try {
            return (long) MEMORY.invokeExact();
        } catch (Throwable t) {
            return 0;
        }
    }

    /**
     * {@code get_object_traceback(obj)}: {@code file:line} frames, oldest first, or null if the
     * object is not tracked (always known in exact mode; only sampled objects otherwise).
     */
    @SuppressWarnings("unchecked")
    public static List<String> getObjectTraceback(Object o) {
        if (o == null || !isTracing()) {
            return null;
        }
        try {
            return (List<String>) TRACEBACK.invokeExact(o);
        } catch (Throwable t) {
            return null;
        }
    }

    private static void run(MethodHandle h) {
        if (!isTracing()) {
            return;
        }
        try {
            h.invokeExact();
        } catch (Throwable t) {
            // no-op
        }
    }
}
