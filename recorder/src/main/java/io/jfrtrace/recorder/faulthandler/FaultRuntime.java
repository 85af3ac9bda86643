package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;

import io.jfrtrace.schema.ThreadDumpEvent;

/**
 * The entry points {@code io.jfrtrace.api.FaultHandler} calls (reflectively, on the agent's copy
 * found through the system class loader); JDK types only. While the agent records, every dump is
 * also committed to the recording.
 */
public final class FaultRuntime {
    private FaultRuntime() {
    }

    /** Whether the jfr-trace agent is recording in this JVM. */
    public static boolean agentActive() {
        return Dumper.recording;
    }

    public static void dumpTraceback(OutputStream out, boolean allThreads) {
        Dumper.dump(ThreadDumpEvent.REQUEST, "", 0, Thread.currentThread(), null, allThreads, out);
    }

    public static void enable(OutputStream out, boolean allThreads) {
        Fatal.enable(out, allThreads);
    }

    public static void disable() {
        Fatal.disable();
    }

    public static boolean isEnabled() {
        return Fatal.isEnabled();
    }

    public static void dumpTracebackLater(long timeoutMicros, boolean repeat, OutputStream out, boolean exit) {
        Watchdog.start(timeoutMicros, repeat, out, exit);
    }

    public static void cancelDumpTracebackLater() {
        Watchdog.cancel();
    }

    public static void register(String signal, OutputStream out, boolean allThreads, boolean chain) {
        Signals.register(signal, out, allThreads, chain);
    }

    public static boolean unregister(String signal) {
        return Signals.unregister(signal);
    }
}
