package io.jfrtrace.recorder.faulthandler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DumperStripTest {
    private static StackTraceElement f(String cls, String method) {
        return new StackTraceElement(cls, method, null, -1);
    }

    @Test
    void aStackOverflowRaisedInsideTheProfilersHookShowsTheProgramsFrameOnTop() {
        StackTraceElement deep = f("com.example.Overflow", "deep");
        StackTraceElement[] frames = {
            f("java.lang.ref.Reference", "refersToImpl"), f("java.lang.ThreadLocal", "get"),
            f("io.jfrtrace.runtime.Profiler", "enter"), deep, deep};
        assertArrayEquals(new StackTraceElement[] {deep, deep}, Dumper.strip(frames));
    }

    @Test
    void jdkFramesTheProgramCalledStay() {
        StackTraceElement sleep = f("java.lang.Thread", "sleep");
        StackTraceElement main = f("com.example.Main", "main");
        assertArrayEquals(new StackTraceElement[] {sleep, main}, Dumper.strip(new StackTraceElement[] {sleep, main}));
    }
}
