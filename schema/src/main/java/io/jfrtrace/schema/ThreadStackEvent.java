package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One thread of a {@link ThreadDumpEvent}; {@code frames} in {@link StackFrames}' form (docs/events.md). */
@Name(ThreadStackEvent.NAME)
@Label("jfr-trace Thread Stack")
@Description("One thread of a jfrtrace.ThreadDump: frames most recent first, file\\tline\\tfunction per line")
@Category("jfr-trace")
@StackTrace(false)
public final class ThreadStackEvent extends Event {
    public static final String NAME = "jfrtrace.ThreadStack";
    public static final String DUMP_ID = "dumpId";
    public static final String THREAD_ID = "threadId";
    public static final String THREAD_NAME = "threadName";
    public static final String THREAD_STATE = "threadState";
    public static final String CURRENT = "current";
    public static final String TOTAL_FRAMES = "totalFrames";
    public static final String FRAMES = "frames";

    @Label("Dump Id")
    public long dumpId;
    @Label("Thread Id")
    public long threadId;
    @Label("Thread Name")
    public String threadName;
    @Label("Thread State")
    public String threadState;
    @Label("Current")
    public boolean current;
    @Label("Total Frames")
    public int totalFrames;
    @Label("Frames")
    public String frames;
}
