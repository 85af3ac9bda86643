package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Schema 2.2: the header of a checkpoint of the call profile, committed after its FunctionTotals and CallerTotals
 * events at the end of every chunk (docs/events.md).
 */
@Name(ProfileCheckpointEvent.NAME)
@Label("Profile Checkpoint")
@Description("The whole call profile since the run began: the FunctionTotals and CallerTotals events of this checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class ProfileCheckpointEvent extends Event {
    public static final String NAME = "jfrtrace.ProfileCheckpoint";
    public static final String RUN_ID = "runId";
    public static final String CHECKPOINT = "checkpoint";
    public static final String FLUSH = "flush";
    public static final String FUNCTION_COUNT = "functionCount";
    public static final String CALLER_COUNT = "callerCount";

    @Label("Run Id")
    public String runId;
    @Label("Checkpoint")
    public long checkpoint;
    @Label("Flush")
    public long flush;
    @Label("Function Count")
    public int functionCount;
    @Label("Caller Count")
    public int callerCount;
}
