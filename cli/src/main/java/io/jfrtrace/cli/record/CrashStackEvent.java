package io.jfrtrace.cli.record;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code jfrtrace.ThreadStack} exactly as docs/events.md defines it, written by record after a native crash. */
@Name("jfrtrace.ThreadStack")
@Label("jfr-trace Thread Stack")
@Description("One thread of a jfrtrace.ThreadDump: frames most recent first, file\\tline\\tfunction per line")
@Category("jfr-trace")
@StackTrace(false)
final class CrashStackEvent extends Event {
    @Label("Dump Id")
    long dumpId;
    @Label("Thread Id")
    long threadId;
    @Label("Thread Name")
    String threadName;
    @Label("Thread State")
    String threadState;
    @Label("Current")
    boolean current;
    @Label("Total Frames")
    int totalFrames;
    @Label("Frames")
    String frames;
}
