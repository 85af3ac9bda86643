package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Never committed: its periodic hook (period = flushInterval) runs the periodic flush. */
@Name(FlushTimerEvent.NAME)
@Label("jfr-trace Flush Timer")
@Category("jfr-trace")
@StackTrace(false)
public final class FlushTimerEvent extends Event {
    public static final String NAME = "jfrtrace.internal.FlushTimer";
}
