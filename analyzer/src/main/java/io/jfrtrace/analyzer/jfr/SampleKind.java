package io.jfrtrace.analyzer.jfr;

import java.util.List;

/**
 * Which of the JVM's samples make a sampled profile, and what one weighs. A sample's weight goes into the pstats table's
 * time columns: the sampling period for the samplers of time, the duration for blocking, bytes for allocations.
 */
public enum SampleKind {
    /** {@code jdk.ExecutionSample}: threads running Java code, each sample weighing its period. */
    CPU("cpu", Unit.SECONDS, BulkType.EXECUTION_SAMPLE),
    /** JDK 25's {@code jdk.CPUTimeSample}: one sample per interval of a thread's CPU time (Linux). */
    CPU_TIME("cpu-time", Unit.SECONDS, BulkType.CPU_TIME_SAMPLE),
    /** Execution and native-method samples together: threads running Java code or in native code. */
    WALL("wall", Unit.SECONDS, BulkType.EXECUTION_SAMPLE, BulkType.NATIVE_METHOD_SAMPLE),
    /**
     * {@code jdk.ObjectAllocationSample} weighted by the bytes each stands for, or the TLAB events
     * ({@code jdk.ObjectAllocationInNewTLAB}, {@code jdk.ObjectAllocationOutsideTLAB}) when the recording has them;
     * the allocated class is the stack's top frame.
     */
    ALLOC("alloc", Unit.MEGABYTES, BulkType.ALLOCATION_SAMPLE, BulkType.ALLOCATION_IN_NEW_TLAB,
            BulkType.ALLOCATION_OUTSIDE_TLAB),
    /** {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark}: time blocked on a monitor or parked. */
    LOCK("lock", Unit.SECONDS, BulkType.JAVA_MONITOR_ENTER, BulkType.THREAD_PARK);

    /** What the time columns of a sampled profile of this kind count. */
    public enum Unit {
        SECONDS("seconds"),
        /** Bytes, shown in the time columns as megabytes (a weight of 1000 nanoseconds per byte). */
        MEGABYTES("MB");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final String word;
    private final Unit unit;
    private final List<BulkType<?>> events;

    SampleKind(String word, Unit unit, BulkType<?>... events) {
        this.word = word;
        this.unit = unit;
        this.events = List.of(events);
    }

    /** The name {@code --profile} takes. */
    public String word() {
        return word;
    }

    public Unit unit() {
        return unit;
    }

    /** The event types it reads. */
    public List<String> eventNames() {
        return events.stream().map(BulkType::name).toList();
    }

    List<BulkType<?>> events() {
        return events;
    }

    /** The kind {@code --profile WORD} names, or null. */
    public static SampleKind named(String word) {
        for (SampleKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
