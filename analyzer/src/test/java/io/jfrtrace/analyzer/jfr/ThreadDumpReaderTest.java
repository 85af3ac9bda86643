package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;

/** Reads dumps from recordings written here with test copies of the documented events (docs/events.md). */
class ThreadDumpReaderTest {
    @TempDir
    Path dir;

    @Name("jfrtrace.ThreadDump")
    @Label("test copy")
    static class DumpEvent extends Event {
        long dumpId;
        String reason;
        String detail;
        long timeoutMicros;
        long currentThreadId;
        int threadCount;
    }

    @Name("jfrtrace.ThreadStack")
    @Label("test copy")
    static class StackEvent extends Event {
        long dumpId;
        long threadId;
        String threadName;
        String threadState;
        boolean current;
        int totalFrames;
        String frames;
    }

    static void stack(long dumpId, long threadId, String name, String state, boolean current, int total, String frames) {
        StackEvent e = new StackEvent();
        e.dumpId = dumpId;
        e.threadId = threadId;
        e.threadName = name;
        e.threadState = state;
        e.current = current;
        e.totalFrames = total;
        e.frames = frames;
        e.commit();
    }

    static void dump(long id, String reason, String detail, long timeout, long current, int count) {
        DumpEvent e = new DumpEvent();
        e.dumpId = id;
        e.reason = reason;
        e.detail = detail;
        e.timeoutMicros = timeout;
        e.currentThreadId = current;
        e.threadCount = count;
        e.commit();
    }

    @Test
    void ourEventsBecomeDumps() throws Exception {
        Path file = dir.resolve("ours.jfr");
        try (Recording r = new Recording()) {
            r.enable("jfrtrace.ThreadDump");
            r.enable("jfrtrace.ThreadStack");
            r.start();
            stack(1, 1, "main", "WAITING", true, 2,
                    "com/example/Hang.java\t12\tHang.lockBoth\ncom/example/Hang.java\t30\tHang.main");
            stack(1, 16, "wörker\t1", "BLOCKED", false, 0, "");
            dump(1, "request", "", 0, 1, 2);
            r.dump(dir.resolve("chunk1.jfr")); // force a second chunk boundary for what follows
            stack(2, 16, "wörker\t1", "BLOCKED", false, 250, "java/lang/Object.java\t-1\tObject.wait");
            dump(2, "timeout", "", 1_500_000, -1, 1);
            stack(3, 1, "main", "RUNNABLE", true, 1, "com/example/Boom.java\t7\tBoom.main");
            dump(3, "fatal", "java.lang.IllegalStateException: boom", 0, 1, 1);
            r.stop();
            r.dump(file);
        }
        ThreadDumpReader.Result res = ThreadDumpReader.read(file);
        assertEquals(ThreadDumpReader.Source.JFR_TRACE, res.source());
        List<ThreadDump> dumps = res.dumps();
        assertEquals(3, dumps.size());
        ThreadDump first = dumps.get(0);
        assertEquals(Reason.REQUEST, first.reason());
        assertEquals(1, first.currentThreadId());
        assertEquals(List.of(16L, 1L), first.threads().stream().map(ThreadStack::threadId).toList());
        assertEquals(List.of(new StackFrame("com/example/Hang.java", 12, "Hang.lockBoth"),
                new StackFrame("com/example/Hang.java", 30, "Hang.main")), first.threads().get(1).frames());
        assertEquals("wörker\t1", first.threads().get(0).name());
        assertEquals(250, dumps.get(1).threads().get(0).totalFrames());
        assertEquals("""
                Thread 0x0000000000000010 "w\\xf6rker\\x091" (most recent call first):
                  <no Java frame>

                Current thread 0x0000000000000001 "main" (most recent call first):
                  File "com/example/Hang.java", line 12 in Hang.lockBoth
                  File "com/example/Hang.java", line 30 in Hang.main

                Timeout (0:00:01.500000)!
                Thread 0x0000000000000010 "w\\xf6rker\\x091" (most recent call first):
                  File "java/lang/Object.java", line ??? in Object.wait
                  ...

                Fatal JVM error: java.lang.IllegalStateException: boom

                Current thread 0x0000000000000001 "main" (most recent call first):
                  File "com/example/Boom.java", line 7 in Boom.main
                """, new DumpPrinter().format(dumps));
    }

    @Test
    void stockThreadDumpEventsWhenThereAreNoneOfOurs() throws Exception {
        Path file = dir.resolve("stock.jfr");
        Object lock = new Object();
        Thread parked = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // end
                }
            }
        }, "parked-ü");
        parked.setDaemon(true);
        parked.start();
        try (Recording r = new Recording()) {
            r.enable("jdk.ThreadDump").withPeriod(Duration.ofSeconds(1));
            r.start();
            Thread.sleep(2500);
            r.stop();
            r.dump(file);
        } finally {
            parked.interrupt();
        }
        ThreadDumpReader.Result res = ThreadDumpReader.read(file);
        assertEquals(ThreadDumpReader.Source.JDK, res.source());
        assertTrue(res.dumps().size() >= 2, () -> "dumps: " + res.dumps().size());
        ThreadDump d = res.dumps().get(0);
        assertEquals(Reason.REQUEST, d.reason());
        ThreadStack t = d.threads().stream().filter(s -> s.name().equals("parked-ü")).findFirst().orElseThrow();
        assertEquals(parked.getId(), t.threadId());
        assertEquals("WAITING", t.state());
        assertTrue(t.frames().stream().anyMatch(f -> f.file().equals("io/jfrtrace/analyzer/jfr/ThreadDumpReaderTest.java")
                && f.function().startsWith("ThreadDumpReaderTest.lambda$") && f.line() > 0), t::toString);
    }

    @Test
    void noDumpsAtAll() throws Exception {
        Path file = dir.resolve("none.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.JavaMonitorEnter");
            r.start();
            r.stop();
            r.dump(file);
        }
        ThreadDumpReader.Result res = ThreadDumpReader.read(file);
        assertEquals(ThreadDumpReader.Source.NONE, res.source());
        assertEquals(List.of(), res.dumps());
    }

    @Test
    void frameLines() {
        assertEquals(List.of(new StackFrame("a/B.java", 3, "B.c"), new StackFrame("x", -1, null),
                new StackFrame("a/B.java", -1, "B.d\tstill")), ThreadDumpReader.frames("a/B.java\t3\tB.c\nx\na/B.java\t?\tB.d\tstill"));
    }
}
