package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Schema 2.1: one function's cProfile counters since the run began, in a checkpoint (docs/events.md). */
@Name("jfrtrace.FunctionTotals")
@Label("Function Totals")
@Description("cProfile entry of one function since the run began, all threads combined, in a checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class FunctionTotalsEvent extends Event {
    @Label("Checkpoint")
    long checkpoint;
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
}
