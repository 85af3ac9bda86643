package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Never committed: its periodic hook (period = flushInterval) runs the periodic flush. */
@Name("jfrtrace.internal.FlushTimer")
@Label("jfr-trace Flush Timer")
@Category("jfr-trace")
@StackTrace(false)
public final class FlushTimerEvent extends Event {
}
