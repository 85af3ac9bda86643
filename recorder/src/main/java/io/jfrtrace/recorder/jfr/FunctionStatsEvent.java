package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("jfrtrace.FunctionStats")
@Label("Function Statistics")
@Description("cProfile entry deltas of one function, all threads combined")
@Category("jfr-trace")
@StackTrace(false)
public final class FunctionStatsEvent extends Event {
    @Label("File")
    String file;
    @Label("Line")
    int line;
    @Label("Function")
    String function;
    @Label("Call Count")
    long callCount;
    @Label("Recursive Call Count")
    long recursiveCallCount;
    @Label("Inline Time")
    @Timespan(Timespan.NANOSECONDS)
    long inlineTime;
    @Label("Total Time")
    @Timespan(Timespan.NANOSECONDS)
    long totalTime;
    /** Schema 2.1: the number of the flush that wrote it (1, 2, ...), to place it against a checkpoint. */
    @Label("Flush")
    long flush;
}
