package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Never committed: its periodic hook takes the snapshotInterval allocation snapshots. */
@Name(SnapshotTimerEvent.NAME)
@Label("jfr-trace Snapshot Timer")
@Category("jfr-trace")
@StackTrace(false)
public final class SnapshotTimerEvent extends Event {
    public static final String NAME = "jfrtrace.internal.SnapshotTimer";
}
