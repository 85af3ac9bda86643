package io.jfrtrace.cli.record;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code jfrtrace.ThreadDump} exactly as docs/events.md defines it, written by record after a native crash. */
@Name("jfrtrace.ThreadDump")
@Label("jfr-trace Thread Dump")
@Description("One faulthandler dump; its threads are the jfrtrace.ThreadStack events with the same dumpId")
@Category("jfr-trace")
@StackTrace(false)
final class CrashDumpEvent extends Event {
    @Label("Dump Id")
    long dumpId;
    @Label("Reason")
    @Description("request, timeout, signal or fatal")
    String reason;
    @Label("Detail")
    String detail;
    @Label("Timeout (microseconds)")
    long timeoutMicros;
    @Label("Current Thread Id")
    long currentThreadId;
    @Label("Thread Count")
    int threadCount;
}
