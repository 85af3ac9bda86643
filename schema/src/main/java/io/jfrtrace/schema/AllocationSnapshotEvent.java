package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A tracemalloc snapshot's header, committed after its traces (docs/events.md). */
@Name(AllocationSnapshotEvent.NAME)
@Label("Allocation Snapshot")
@Description("tracemalloc snapshot header; its traces are the AllocationTrace events with the same snapshotId")
@Category("jfr-trace")
@StackTrace(false)
public final class AllocationSnapshotEvent extends Event {
    public static final String NAME = "jfrtrace.AllocationSnapshot";
    public static final String SNAPSHOT_ID = "snapshotId";
    public static final String LABEL = "label";
    public static final String REASON = "reason";
    public static final String TRACEBACK_LIMIT = "tracebackLimit";
    public static final String TRACED_CURRENT = "tracedCurrent";
    public static final String TRACED_PEAK = "tracedPeak";
    public static final String TRACE_COUNT = "traceCount";
    public static final String EXACT = "exact";
    public static final String RECORDER_MEMORY = "recorderMemory";

    @Label("Snapshot Id")
    public int snapshotId;
    @Label("Label")
    public String label;
    @Label("Reason")
    public String reason;
    @Label("Traceback Limit")
    public int tracebackLimit;
    @Label("Traced Current")
    @DataAmount
    public long tracedCurrent;
    @Label("Traced Peak")
    @DataAmount
    public long tracedPeak;
    @Label("Trace Count")
    public int traceCount;
    @Label("Exact")
    public boolean exact;
    @Label("Recorder Memory")
    @DataAmount
    public long recorderMemory;
}
