package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One faulthandler dump, committed after its threads' {@link ThreadStackEvent}s (docs/events.md). Written by the
 * agent, and by {@code jfr-trace record} after a native crash.
 */
@Name(ThreadDumpEvent.NAME)
@Label("jfr-trace Thread Dump")
@Description("One faulthandler dump; its threads are the jfrtrace.ThreadStack events with the same dumpId")
@Category("jfr-trace")
@StackTrace(false)
public final class ThreadDumpEvent extends Event {
    public static final String NAME = "jfrtrace.ThreadDump";
    public static final String DUMP_ID = "dumpId";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";
    public static final String TIMEOUT_MICROS = "timeoutMicros";
    public static final String CURRENT_THREAD_ID = "currentThreadId";
    public static final String THREAD_COUNT = "threadCount";

    /** The values of {@code reason}. */
    public static final String REQUEST = "request";
    public static final String TIMEOUT = "timeout";
    public static final String SIGNAL = "signal";
    public static final String FATAL = "fatal";

    @Label("Dump Id")
    public long dumpId;
    @Label("Reason")
    @Description("request, timeout, signal or fatal")
    public String reason;
    @Label("Detail")
    public String detail;
    @Label("Timeout (microseconds)")
    public long timeoutMicros;
    @Label("Current Thread Id")
    public long currentThreadId;
    @Label("Thread Count")
    public int threadCount;
}
