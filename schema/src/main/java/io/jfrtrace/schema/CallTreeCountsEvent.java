package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** What one call path's counters gained since the previous flush, all threads combined (docs/events.md, schema 2.6). */
@Name(CallTreeCountsEvent.NAME)
@Label("Call Tree Counts")
@Description("Calls and times of one call path since the previous flush, all threads combined")
@Category("jfr-trace")
@StackTrace(false)
public final class CallTreeCountsEvent extends Event {
    public static final String NAME = "jfrtrace.CallTreeCounts";
    public static final String NODE = "node";
    public static final String CALL_COUNT = "callCount";
    public static final String INLINE_TIME = "inlineTime";
    public static final String TOTAL_TIME = "totalTime";
    public static final String FLUSH = "flush";

    @Label("Node")
    public int node;
    /** Returns on this path. */
    @Label("Call Count")
    public long callCount;
    /** Time in the function itself on this path (its self time). */
    @Label("Inline Time")
    @Timespan(Timespan.NANOSECONDS)
    public long inlineTime;
    /** Time including callees on this path. */
    @Label("Total Time")
    @Timespan(Timespan.NANOSECONDS)
    public long totalTime;
    @Label("Flush")
    public long flush;
}
