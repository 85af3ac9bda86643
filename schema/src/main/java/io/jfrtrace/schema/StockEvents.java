package io.jfrtrace.schema;

/**
 * The JVM's stock events that the recorder enables itself, whatever {@code --jfr-settings} says: part of the
 * contract between recorder and analyzer as much as the {@code jfrtrace.*} events (docs/events.md).
 */
public final class StockEvents {
    /**
     * Each allocation that had to wait for a collection, with the allocating thread's stack: while the fault handler
     * is on, where an {@code OutOfMemoryError} without a backtrace struck.
     */
    public static final String ALLOCATION_REQUIRING_GC = "jdk.AllocationRequiringGC";

    private StockEvents() {
    }
}
