package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Schema 2.2: one function's cProfile counters since the run began, in a checkpoint (docs/events.md). */
@Name(FunctionTotalsEvent.NAME)
@Label("Function Totals")
@Description("cProfile entry of one function since the run began, all threads combined, in a checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class FunctionTotalsEvent extends Event {
    public static final String NAME = "jfrtrace.FunctionTotals";
    public static final String CHECKPOINT = "checkpoint";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String FUNCTION = "function";
    public static final String CALL_COUNT = "callCount";
    public static final String RECURSIVE_CALL_COUNT = "recursiveCallCount";
    public static final String INLINE_TIME = "inlineTime";
    public static final String TOTAL_TIME = "totalTime";

    @Label("Checkpoint")
    public long checkpoint;
    @Label("File")
    public String file;
    @Label("Line")
    public int line;
    @Label("Function")
    public String function;
    @Label("Call Count")
    public long callCount;
    @Label("Recursive Call Count")
    public long recursiveCallCount;
    @Label("Inline Time")
    @Timespan(Timespan.NANOSECONDS)
    public long inlineTime;
    @Label("Total Time")
    @Timespan(Timespan.NANOSECONDS)
    public long totalTime;
}
