package io.jfrtrace.analyzer.faulthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DumpPrinterTest {
    static final StackFrame HANG = new StackFrame("com/example/Hang.java", 12, "Hang.lockBoth");
    static final StackFrame MAIN = new StackFrame("com/example/Hang.java", 30, "Hang.main");

    static ThreadDump dump(Reason reason, String detail, long timeout, ThreadStack... threads) {
        return new ThreadDump(1, null, reason, detail, timeout, -1, List.of(threads));
    }

    @Test
    void requestDumpHasNoHeaderAndThreadsNewestFirst() {
        ThreadDump d = dump(Reason.REQUEST, "", 0,
                new ThreadStack(1, "main", "WAITING", true, List.of(HANG, MAIN)),
                new ThreadStack(16, "worker", "BLOCKED", false, List.of()));
        assertEquals("""
                Thread 0x0000000000000010 "worker" (most recent call first):
                  <no Java frame>

                Current thread 0x0000000000000001 "main" (most recent call first):
                  File "com/example/Hang.java", line 12 in Hang.lockBoth
                  File "com/example/Hang.java", line 30 in Hang.main
                """, new DumpPrinter().format(d));
    }

    @Test
    void headers() {
        ThreadStack t = new ThreadStack(1, "main", "RUNNABLE", false, List.of(MAIN));
        String body = "Thread 0x0000000000000001 \"main\" (most recent call first):\n  File \"com/example/Hang.java\", line 30 in Hang.main\n";
        DumpPrinter p = new DumpPrinter();
        assertEquals("Timeout (0:00:05)!\n" + body, p.format(dump(Reason.TIMEOUT, "", 5_000_000, t)));
        assertEquals("Timeout (0:00:00.500000)!\n" + body, p.format(dump(Reason.TIMEOUT, "", 500_000, t)));
        assertEquals("Fatal JVM error: java.lang.OutOfMemoryError: Java heap space\n\n" + body,
                p.format(dump(Reason.FATAL, "java.lang.OutOfMemoryError: Java heap space", 0, t)));
        assertEquals(body, p.format(dump(Reason.SIGNAL, "USR1", 0, t)));
    }

    @Test
    void timeoutHeaderLikeFormatTimeout() {
        assertEquals("Timeout (0:00:01)!", DumpPrinter.timeoutHeader(1_000_000));
        assertEquals("Timeout (0:00:01.500000)!", DumpPrinter.timeoutHeader(1_500_000));
        assertEquals("Timeout (1:01:01.250000)!", DumpPrinter.timeoutHeader(3_661_250_000L));
        assertEquals("Timeout (27:46:40)!", DumpPrinter.timeoutHeader(100_000_000_000L));
        assertEquals("Timeout (0:00:00.000001)!", DumpPrinter.timeoutHeader(1));
    }

    @Test
    void asciiEscapes() {
        assertEquals("\\xe9\\u65e5\\U0001f600\\x09\\x7f\"\\~", DumpPrinter.ascii("é日😀\t\u007f\"\\~", 500));
        assertEquals("ab...", DumpPrinter.ascii("abc", 2));
        assertEquals("ab", DumpPrinter.ascii("ab", 2));
        assertEquals("\\U0001f600...", DumpPrinter.ascii("😀😀", 1));
    }

    @Test
    void threadNamesAreEscapedAndCut() {
        ThreadStack t = new ThreadStack(255, "wö\"r\\k\ter" + "x".repeat(600), "RUNNABLE", false, List.of(MAIN));
        String out = new DumpPrinter().format(dump(Reason.REQUEST, "", 0, t));
        String first = out.lines().findFirst().orElseThrow();
        assertEquals("Thread 0x00000000000000ff \"w\\xf6\"r\\k\\x09er" + "x".repeat(491) + "...\" (most recent call first):", first);
    }

    @Test
    void unknownLinesAndNames() {
        ThreadStack t = new ThreadStack(2, null, null, false, List.of(new StackFrame(null, -1, null),
                new StackFrame("java/lang/Thread.java", -1, "Thread.sleep")));
        assertEquals("""
                Thread 0x0000000000000002 (most recent call first):
                  File ???, line ??? in ???
                  File "java/lang/Thread.java", line ??? in Thread.sleep
                """, new DumpPrinter().format(dump(Reason.REQUEST, "", 0, t)));
    }

    @Test
    void limitsPythonCutsAndNoneDoesNot() {
        List<StackFrame> frames = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            frames.add(new StackFrame("F.java", i, "F.f"));
        }
        List<ThreadStack> threads = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            threads.add(new ThreadStack(i, "t" + i, "RUNNABLE", false, frames));
        }
        ThreadDump d = new ThreadDump(1, null, Reason.REQUEST, "", 0, -1, threads);
        String py = new DumpPrinter(DumpPrinter.Limits.PYTHON).format(d);
        assertEquals(100, py.lines().filter(l -> l.startsWith("Thread ")).count());
        assertEquals(100 * 100, py.lines().filter(l -> l.startsWith("  File")).count());
        assertEquals(100, py.lines().filter(l -> l.equals("  ...")).count());
        assertEquals(true, py.endsWith("  ...\n\n...\n"));
        String none = new DumpPrinter(DumpPrinter.Limits.NONE).format(d);
        assertEquals(120, none.lines().filter(l -> l.startsWith("Thread ")).count());
        assertEquals(120 * 150, none.lines().filter(l -> l.startsWith("  File")).count());
        assertEquals(0, none.lines().filter(l -> l.contains("...")).count());
    }

    @Test
    void exactlyTheLimitPrintsNoEllipsis() {
        List<StackFrame> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(new StackFrame("F.java", i, "F.f"));
        }
        String out = new DumpPrinter().format(dump(Reason.REQUEST, "", 0, new ThreadStack(1, "m", "RUNNABLE", false, frames)));
        assertEquals(101, out.lines().count());
    }

    @Test
    void storedFramesShortOfTheRealDepthEndWithEllipsis() {
        ThreadStack t = new ThreadStack(1, "m", "RUNNABLE", false, 5, List.of(MAIN));
        String expected = "Thread 0x0000000000000001 \"m\" (most recent call first):\n"
                + "  File \"com/example/Hang.java\", line 30 in Hang.main\n  ...\n";
        assertEquals(expected, new DumpPrinter(DumpPrinter.Limits.NONE).format(dump(Reason.REQUEST, "", 0, t)));
    }

    @Test
    void dumpsAreSeparatedByOneEmptyLine() {
        ThreadStack t = new ThreadStack(1, "main", "RUNNABLE", false, List.of(MAIN));
        String one = new DumpPrinter().format(dump(Reason.REQUEST, "", 0, t));
        assertEquals(one + "\n" + one, new DumpPrinter().format(List.of(dump(Reason.REQUEST, "", 0, t), dump(Reason.REQUEST, "", 0, t))));
    }
}
