package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One call path of a checkpoint of the call tree: the node as CallTreeNode gives it and its counters since the run
 * began (docs/events.md, schema 2.6).
 */
@Name(CallTreeTotalsEvent.NAME)
@Label("Call Tree Totals")
@Description("One call path and its calls and times since the run began, in a checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class CallTreeTotalsEvent extends Event {
    public static final String NAME = "jfrtrace.CallTreeTotals";
    public static final String CHECKPOINT = "checkpoint";
    public static final String NODE = "node";
    public static final String PARENT = "parent";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String FUNCTION = "function";
    public static final String CALL_COUNT = "callCount";
    public static final String INLINE_TIME = "inlineTime";
    public static final String TOTAL_TIME = "totalTime";

    @Label("Checkpoint")
    public long checkpoint;
    @Label("Node")
    public int node;
    @Label("Parent")
    public int parent;
    @Label("File")
    public String file;
    @Label("Line")
    public int line;
    @Label("Function")
    public String function;
    @Label("Call Count")
    public long callCount;
    @Label("Inline Time")
    @Timespan(Timespan.NANOSECONDS)
    public long inlineTime;
    @Label("Total Time")
    @Timespan(Timespan.NANOSECONDS)
    public long totalTime;
}
