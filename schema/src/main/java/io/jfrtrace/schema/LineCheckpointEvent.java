package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Schema 2.4: the header of a checkpoint of the line counts, committed after its LineTotals events at the end of every
 * chunk (docs/events.md).
 */
@Name(LineCheckpointEvent.NAME)
@Label("Line Checkpoint")
@Description("The line counts since the run began: the LineTotals events of this checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class LineCheckpointEvent extends Event {
    public static final String NAME = "jfrtrace.LineCheckpoint";
    public static final String RUN_ID = "runId";
    public static final String CHECKPOINT = "checkpoint";
    public static final String FLUSH = "flush";
    public static final String CLASS_COUNT = "classCount";

    @Label("Run Id")
    public String runId;
    @Label("Checkpoint")
    public long checkpoint;
    @Label("Flush")
    public long flush;
    @Label("Class Count")
    public int classCount;

    public LineCheckpointEvent(String runId, long checkpoint, long flush, int classCount) {
        this.runId = runId;
        this.checkpoint = checkpoint;
        this.flush = flush;
        this.classCount = classCount;
    }
}
