package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Schema 2.6: the header of a checkpoint of the call tree, committed after its CallTreeTotals events at the end of
 * every chunk (docs/events.md).
 */
@Name(CallTreeCheckpointEvent.NAME)
@Label("Call Tree Checkpoint")
@Description("The call tree since the run began: the CallTreeTotals events of this checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class CallTreeCheckpointEvent extends Event {
    public static final String NAME = "jfrtrace.CallTreeCheckpoint";
    public static final String RUN_ID = "runId";
    public static final String CHECKPOINT = "checkpoint";
    public static final String FLUSH = "flush";
    public static final String NODE_COUNT = "nodeCount";

    @Label("Run Id")
    public String runId;
    @Label("Checkpoint")
    public long checkpoint;
    @Label("Flush")
    public long flush;
    @Label("Node Count")
    public int nodeCount;

    public CallTreeCheckpointEvent(String runId, long checkpoint, long flush, int nodeCount) {
        this.runId = runId;
        this.checkpoint = checkpoint;
        this.flush = flush;
        this.nodeCount = nodeCount;
    }
}
