package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One traceback of an allocation snapshot, absolute values; {@code frames} in {@link AllocationFrames}' form. */
@Name(AllocationTraceEvent.NAME)
@Label("Allocation Trace")
@Description("Live and allocated memory of one traceback in one allocation snapshot (absolute values)")
@Category("jfr-trace")
@StackTrace(false)
public final class AllocationTraceEvent extends Event {
    public static final String NAME = "jfrtrace.AllocationTrace";
    public static final String SNAPSHOT_ID = "snapshotId";
    public static final String DOMAIN = "domain";
    public static final String SIZE = "size";
    public static final String COUNT = "count";
    public static final String TOTAL_NFRAME = "totalNframe";
    public static final String FRAMES = "frames";
    public static final String ALLOCATED_SIZE = "allocatedSize";
    public static final String ALLOCATED_COUNT = "allocatedCount";

    @Label("Snapshot Id")
    public int snapshotId;
    @Label("Domain")
    public int domain;
    @Label("Live Size")
    @DataAmount
    public long size;
    @Label("Live Count")
    public long count;
    @Label("Total Frames")
    public int totalNframe;
    @Label("Frames")
    public String frames;
    @Label("Allocated Size")
    @DataAmount
    public long allocatedSize;
    @Label("Allocated Count")
    public long allocatedCount;
}
