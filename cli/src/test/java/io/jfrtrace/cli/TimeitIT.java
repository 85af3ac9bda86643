package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfr-trace timeit} end to end: the built jar compiles the statements and times them in a real JVM. Only the
 * shape of the line is checked (the figures are timings); the text itself is {@code TimeitGoldenTest}'s.
 */
class TimeitIT {
    @TempDir
    Path work;

    @Test
    void timesASortAndPrintsTimeitsLine() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-s", "int[] xs = new java.util.Random(1).ints(1000).toArray();",
                "java.util.Arrays.sort(xs.clone())");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("[1-9][0-9]* loops?, best of 5: [0-9.e+-]+ (nsec|usec|msec|sec) per loop\n"), r.toString());
        // CPython's warning, then jfr-trace's notes on what the JVM did during the repeats, if anything
        assertTrue(r.stderr().matches("(:0: UserWarning: The test results are likely unreliable\\..*\n)?"
                + "(note: [1-5] of 5 repeats includes? (GC pauses \\([0-9.]+ ms\\)|compilations \\([0-9]+\\)"
                + "|deoptimizations \\([0-9]+\\))\n)*"), r.toString());
    }

    @Test
    void repeatsThatIncludeGcPausesAreNotedAndListedWithVerbose() throws Exception {
        // 1 MiB per loop, 200 loops a repeat, in a 64 MB heap: every repeat collects; the bare expression (not a Java
        // statement) is consumed, so escape analysis cannot remove the allocation
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-n", "200", "-r", "3", "-v", "-J-Xmx64m", "-J-XX:+UseSerialGC",
                "new byte[1 << 20]");
        assertEquals(0, r.exitCode(), r.toString());
        Matcher note = Pattern.compile("(?m)^note: 3 of 3 repeats include GC pauses \\(([0-9.]+) ms\\)\n"
                + "  repeat 1: [0-9]+ pauses?, ([0-9.]+) ms\n  repeat 2: [0-9]+ pauses?, ([0-9.]+) ms\n"
                + "  repeat 3: [0-9]+ pauses?, ([0-9.]+) ms\n").matcher(r.stderr());
        assertTrue(note.find(), r.toString());
        double sum = Double.parseDouble(note.group(2)) + Double.parseDouble(note.group(3)) + Double.parseDouble(note.group(4));
        assertEquals(Double.parseDouble(note.group(1)), sum, 0.15, "the total is the repeats' pauses: " + r);
        assertTrue(r.stdout().contains("\n200 loops, best of 3: "), r.toString());
    }

    @Test
    void theKeptRecordingHoldsEachRepeatAndTheLoopRunsCompiledBeforeTheFirst() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-v", "-o", "t.jfr", "-s", "double x = 1;", "Math.log(x++)");
        assertEquals(0, r.exitCode(), r.toString());
        Path jfr = work.resolve("t.jfr");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jfr)));
        Matcher loops = Pattern.compile("(?m)^([0-9]+) loops?, best of 5: ").matcher(r.stdout());
        assertTrue(loops.find(), r.toString());
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<RecordedEvent> repeats = events.stream().filter(e -> e.getEventType().getName().equals("jfrtrace.TimeitRepeat")
                && e.getString("phase").equals("repeat")).toList();
        assertEquals(List.of(1, 2, 3, 4, 5), repeats.stream().map(e -> e.getInt("index")).toList());
        for (RecordedEvent e : repeats) {
            assertEquals(Long.parseLong(loops.group(1)), e.getLong("number"));
        }
        // the warm-up (autorange, and one short call after it) left the timing loop compiled before the first repeat
        // began, and by C2 — or, when a loaded machine's compile queue delays C2's compile into a repeat, the note
        // says so: never interpreted, and never C1's code timed without a word
        RecordedEvent first = repeats.get(0);
        List<RecordedEvent> before = events.stream().filter(e -> e.getEventType().getName().equals("jdk.Compilation")
                && timingMethod(e.getValue("method")) && e.getEndTime().isBefore(first.getStartTime())).toList();
        assertTrue(!before.isEmpty(), "the timing loop ran interpreted in repeat 1");
        assertTrue(before.stream().anyMatch(e -> e.getInt("compileLevel") == 4)
                || r.stderr().matches("(?s).*\\n  repeat [1-5]: [^\\n]*JfrTraceTimeit\\._loop \\(C2[,)].*"), r.toString());
    }

    private static boolean timingMethod(RecordedMethod m) {
        // the loop's own method, where the setup's locals are fields (SnippetSource.timedText)
        return m != null && m.getType().getName().equals("JfrTraceTimeit") && m.getName().equals("_loop");
    }

    @Test
    void timesOnTemurin25() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Jdks.JAVA25), "no Temurin 25 here");
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "--java", Jdks.JAVA25.toString(), "-n", "1000", "-r", "2", "a + b",
                "-s", "int a = 3, b = 4;");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("1000 loops, best of 2: [0-9.e+-]+ (nsec|usec) per loop\n"), r.toString());
    }

    @Test
    void verboseShowsTheRepeatsRawTimesWithTheGivenNumber() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-n", "100", "-r", "3", "-v", "-u", "usec", "Math.log(3.0 + 1)");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("raw times: [0-9.e+-]+ usec, [0-9.e+-]+ usec, [0-9.e+-]+ usec\n\n"
                + "100 loops, best of 3: [0-9.e+-]+ usec per loop\n"), r.toString());
    }

    @Test
    void aStatementThatDoesNotCompileIsOneLineAtItsPlaceAndExit2() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-s", "int y = 1;", "y.foo()");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("jfr-trace timeit: statement:1:2: int cannot be dereferenced\n", r.stderr());
    }

    @Test
    void aStatementThatThrowsPrintsItsExceptionWithoutGeneratedFramesAndExits1() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-n", "1", "Integer.parseInt(\"x\")");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("java.lang.NumberFormatException: For input string: \"x\"\n"), r.toString());
        assertTrue(!r.stderr().contains("JfrTraceTimeit") && !r.stderr().contains("io.jfrtrace"), r.toString());
    }

    @Test
    void anUnknownUnitIsRefusedInTimeitsWords() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-u", "hours", "Math.log(2)");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("jfr-trace timeit: --unit: Unrecognized unit. Please select nsec, usec, msec, or sec. "
                + "(see 'jfr-trace help timeit')\n", r.stderr());
    }
}
