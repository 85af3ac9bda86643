package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** cProfile entry deltas of one function (docs/events.md). */
@Name(FunctionStatsEvent.NAME)
@Label("Function Statistics")
@Description("cProfile entry deltas of one function, all threads combined")
@Category("jfr-trace")
@StackTrace(false)
public final class FunctionStatsEvent extends Event {
    public static final String NAME = "jfrtrace.FunctionStats";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String FUNCTION = "function";
    public static final String CALL_COUNT = "callCount";
    public static final String RECURSIVE_CALL_COUNT = "recursiveCallCount";
    public static final String INLINE_TIME = "inlineTime";
    public static final String TOTAL_TIME = "totalTime";
    /** Added in 2.2 (0 before). */
    public static final String FLUSH = "flush";

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
    /** The number of the flush that wrote it (1, 2, ...), to place it against a checkpoint (2.2). */
    @Label("Flush")
    public long flush;
}
