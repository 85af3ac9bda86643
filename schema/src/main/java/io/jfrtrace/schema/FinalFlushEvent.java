package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** Never committed: its endChunk hook runs the flush at the end of every chunk (and at exit). */
@Name(FinalFlushEvent.NAME)
@Label("jfr-trace Final Flush")
@Category("jfr-trace")
@StackTrace(false)
@Period("endChunk")
public final class FinalFlushEvent extends Event {
    public static final String NAME = "jfrtrace.internal.FinalFlush";
}
