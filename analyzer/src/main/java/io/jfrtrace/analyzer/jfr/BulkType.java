package io.jfrtrace.analyzer.jfr;

import one.jfr.event.AllocationSample;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

/**
 * An event type the bulk reader (async-profiler's {@code one.jfr.JfrReader}) decodes: the JVM's samples, which it knows,
 * and jfr-trace's own events, which it reads through the classes of {@link OurEvents} (registered by name). The
 * reader gives several JVM types one class (an allocation sample and an allocation outside a TLAB are both an
 * {@link AllocationSample}); the dispatcher tells them apart by the type in each event's header.
 *
 * @param <T> what the reader makes of one event
 */
final class BulkType<T extends Event> {
    static final BulkType<ExecutionSample> EXECUTION_SAMPLE = jvm("jdk.ExecutionSample", ExecutionSample.class);
    static final BulkType<AllocationSample> ALLOCATION_SAMPLE = jvm("jdk.ObjectAllocationSample", AllocationSample.class);
    static final BulkType<AllocationSample> ALLOCATION_IN_NEW_TLAB = jvm("jdk.ObjectAllocationInNewTLAB", AllocationSample.class);
    static final BulkType<AllocationSample> ALLOCATION_OUTSIDE_TLAB = jvm("jdk.ObjectAllocationOutsideTLAB", AllocationSample.class);
    static final BulkType<ExecutionSample> NATIVE_METHOD_SAMPLE = jvm("jdk.NativeMethodSample", ExecutionSample.class);
    /** JDK 25's CPU-time sampler (Linux): one sample per interval of a thread's CPU time. */
    static final BulkType<ExecutionSample> CPU_TIME_SAMPLE = jvm("jdk.CPUTimeSample", ExecutionSample.class);
    static final BulkType<ContendedLock> JAVA_MONITOR_ENTER = jvm("jdk.JavaMonitorEnter", ContendedLock.class);
    static final BulkType<ContendedLock> THREAD_PARK = jvm("jdk.ThreadPark", ContendedLock.class);
    /** A recording's settings (which the reader would take in itself, then read on): read flat. */
    static final BulkType<FlatEvent> ACTIVE_SETTING = flat("jdk.ActiveSetting");
    /** JDK 25's method timing: a timed method's exact invocation count and average time. */
    static final BulkType<FlatEvent> METHOD_TIMING = flat("jdk.MethodTiming");

    private final String name;
    private final Class<T> decodedAs;
    private final boolean ours;
    private final boolean flat;

    private BulkType(String name, Class<T> decodedAs, boolean ours, boolean flat) {
        this.name = name;
        this.decodedAs = decodedAs;
        this.ours = ours;
        this.flat = flat;
    }

    /** A JVM event the reader decodes by itself. */
    private static <T extends Event> BulkType<T> jvm(String name, Class<T> decodedAs) {
        return new BulkType<>(name, decodedAs, false, false);
    }

    /** A JVM event read field by field in its chunk's metadata order, numbers and strings only ({@link FlatEvent}). */
    private static BulkType<FlatEvent> flat(String name) {
        return new BulkType<>(name, FlatEvent.class, false, true);
    }

    /** One of jfr-trace's events, read by a class of {@link OurEvents} registered with the reader. */
    static <T extends Event> BulkType<T> ours(String name, Class<T> decodedAs) {
        return new BulkType<>(name, decodedAs, true, false);
    }

    boolean flat() {
        return flat;
    }

    String name() {
        return name;
    }

    Class<T> decodedAs() {
        return decodedAs;
    }

    boolean ours() {
        return ours;
    }

    @Override
    public String toString() {
        return name;
    }
}
