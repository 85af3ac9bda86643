package io.jfrtrace.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.jfrtrace.recorder.faulthandler.TracebackText;
import org.junit.jupiter.api.Test;

/** The API's fallback printer and the recorder's must print the same §5 text. */
class FaultTextTest {
    @Test
    void escapingMatchesFaulthandler() {
        String s = "a\tb\u007f\u00e9\u65e5\uD83D\uDE00\"\\";
        assertEquals("a\\x09b\\x7f\\xe9\\u65e5\\U0001f600\"\\", TracebackText.escape(s));
        assertEquals(TracebackText.escape(s), LocalFaultHandler.escape(s));
        String longName = "x".repeat(501);
        assertEquals("x".repeat(500) + "...", TracebackText.escape(longName));
        assertEquals(TracebackText.escape(longName), LocalFaultHandler.escape(longName));
    }

    @Test
    void timeoutHeaders() {
        assertEquals("Timeout (0:00:01)!\n", TracebackText.timeoutHeader(1_000_000));
        assertEquals("Timeout (0:00:01.500000)!\n", TracebackText.timeoutHeader(1_500_000));
        assertEquals("Timeout (1:01:01.250000)!\n", TracebackText.timeoutHeader(3_661_250_000L));
        for (long us : List.of(1L, 5_000_000L, 3_661_250_000L)) {
            assertEquals(TracebackText.timeoutHeader(us), LocalFaultHandler.timeoutHeader(us));
        }
        assertEquals(1_500_001L, FaultHandler.toMicros(java.time.Duration.ofNanos(1_500_000_001L)));
    }

    @Test
    void framesAndThreads() {
        StackTraceElement[] frames = new StackTraceElement[101];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.example.Outer$Inner", "<init>", "Outer.java", i < 100 ? 12 : -2);
        }
        var t = new io.jfrtrace.recorder.faulthandler.ThreadStack(0x7f, "w\u00e9", "RUNNABLE", true, frames);
        var u = new io.jfrtrace.recorder.faulthandler.ThreadStack(1, "main", "WAITING", false, new StackTraceElement[0]);
        String text = new String(TracebackText.format(null, List.of(t, u), true), java.nio.charset.StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        assertEquals("Current thread 0x000000000000007f \"w\\xe9\" (most recent call first):", lines[0]);
        assertEquals("  File \"com/example/Outer.java\", line 12 in Outer$Inner.<init>", lines[1]);
        assertEquals("  ...", lines[101]);
        assertEquals("", lines[102]);
        assertEquals("Thread 0x0000000000000001 \"main\" (most recent call first):", lines[103]);
        assertEquals("  <no Java frame>", lines[104]);
        assertEquals("", lines[105]);
    }
}
