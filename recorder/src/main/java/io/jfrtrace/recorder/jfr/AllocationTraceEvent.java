package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

@Name("jfrtrace.AllocationTrace")
@Label("Allocation Trace")
@Description("Live and allocated memory of one traceback in one allocation snapshot (absolute values)")
@Category("jfr-trace")
@StackTrace(false)
public final class AllocationTraceEvent extends Event {
    @Label("Snapshot Id")
    int snapshotId;
    @Label("Domain")
    int domain;
    @Label("Live Size")
    @DataAmount
    long size;
    @Label("Live Count")
    long count;
    @Label("Total Frames")
    int totalNframe;
    @Label("Frames")
    String frames;
    @Label("Allocated Size")
    @DataAmount
    long allocatedSize;
    @Label("Allocated Count")
    long allocatedCount;
}
