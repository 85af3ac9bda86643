package io.jfrtrace.recorder.faulthandler;

/** One thread of a dump: its Java frames as the JVM gave them, most recent first. */
public record ThreadStack(long id, String name, String state, boolean current, StackTraceElement[] frames) {
}
