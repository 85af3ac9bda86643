package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Schema 2.1: the header of a checkpoint of the call profile, committed after its FunctionTotals and CallerTotals
 * events at the end of every chunk (docs/events.md).
 */
@Name("jfrtrace.ProfileCheckpoint")
@Label("Profile Checkpoint")
@Description("The whole call profile since the run began: the FunctionTotals and CallerTotals events of this checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class ProfileCheckpointEvent extends Event {
    @Label("Run Id")
    String runId;
    @Label("Checkpoint")
    long checkpoint;
    @Label("Flush")
    long flush;
    @Label("Function Count")
    int functionCount;
    @Label("Caller Count")
    int callerCount;
}
