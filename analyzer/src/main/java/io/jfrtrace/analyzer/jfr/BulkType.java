package io.jfrtrace.analyzer.jfr;

import one.jfr.event.AllocationSample;
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

    private final String name;
    private final Class<T> decodedAs;
    private final boolean ours;

    private BulkType(String name, Class<T> decodedAs, boolean ours) {
        this.name = name;
        this.decodedAs = decodedAs;
        this.ours = ours;
    }

    /** A JVM event the reader decodes by itself. */
    private static <T extends Event> BulkType<T> jvm(String name, Class<T> decodedAs) {
        return new BulkType<>(name, decodedAs, false);
    }

    /** One of jfr-trace's events, read by a class of {@link OurEvents} registered with the reader. */
    static <T extends Event> BulkType<T> ours(String name, Class<T> decodedAs) {
        return new BulkType<>(name, decodedAs, true);
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
