package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("jfrtrace.AllocationSnapshot")
@Label("Allocation Snapshot")
@Description("tracemalloc snapshot header; its traces are the AllocationTrace events with the same snapshotId")
@Category("jfr-trace")
@StackTrace(false)
public final class AllocationSnapshotEvent extends Event {
    @Label("Snapshot Id")
    int snapshotId;
    @Label("Label")
    String label;
    @Label("Reason")
    String reason;
    @Label("Traceback Limit")
    int tracebackLimit;
    @Label("Traced Current")
    @DataAmount
    long tracedCurrent;
    @Label("Traced Peak")
    @DataAmount
    long tracedPeak;
    @Label("Trace Count")
    int traceCount;
    @Label("Exact")
    boolean exact;
    @Label("Recorder Memory")
    @DataAmount
    long recorderMemory;
}
