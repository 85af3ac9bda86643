package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However the program ends, record keeps its exit status and leaves a readable recording. */
class ExitPathsIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compileSamples() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static Path java() {
        return JfrTraceRun.javaOf(System.getProperty("java.home"));
    }

    @Test
    void systemExitKeepsItsStatusAndEveryReturnedCall() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java(), List.of("record", "-o", "exit.jfr", "-cp", classes.toString(), "com.example.ExitEarly"));
        assertEquals(3, rec.exitCode(), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "exit.jfr");
        CallProfileEndToEndIT.assertRow(st, "5", "com/example/ExitEarly.java:6(ExitEarly.square)");
    }

    @Test
    void anUncaughtExceptionExitsWithStatusOneAndKeepsTheCallsBeforeIt() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java(), List.of("record", "-o", "uncaught.jfr", "-cp", classes.toString(), "com.example.Uncaught"));
        assertEquals(1, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("seven is not allowed"), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "uncaught.jfr");
        // check(0..7) returned (the last one by its exception), and so did loop and main.
        CallProfileEndToEndIT.assertRow(st, "8", "com/example/Uncaught.java:6(Uncaught.check)");
        CallProfileEndToEndIT.assertRow(st, "1", "com/example/Uncaught.java:12(Uncaught.loop)");
        CallProfileEndToEndIT.assertRow(st, "1", "com/example/Uncaught.java:18(Uncaught.main)");
    }

    @Test
    void sigkillOfTheJvmStillLeavesARecordingUpToTheLastFlush() throws Exception {
        Process p = JfrTraceRun.start(work, java(), List.of("record", "-o", "killed.jfr", "-cp", classes.toString(), "com.example.Forever"));
        waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(3000); // a few flush periods
        ProcessHandle jvm = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new AssertionError("no child JVM"));
        new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(p, work);
        assertEquals(137, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("killed by signal 9 (SIGKILL)") && rec.stderr().contains("recovered"), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "killed.jfr", "-r", "tick");
        assertEquals(0, st.exitCode(), st::toString);
        assertTrue(st.stdout().contains("(Forever.tick)"), st::toString);
    }

    @Test
    void runtimeHaltKeepsItsStatusAndTheFlushedCallsAreRecovered() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java(), List.of("record", "-o", "halt.jfr", "-cp", classes.toString(), "com.example.Halt"));
        assertEquals(4, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("the JVM ended without finishing its recording; recovered"), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "halt.jfr");
        CallProfileEndToEndIT.assertRow(st, "100", "com/example/Halt.java:6(Halt.step)");
    }

    @Test
    void sigtermToRecordStopsTheProgramAndCompletesTheRecording() throws Exception {
        Process p = JfrTraceRun.start(work, java(), List.of("record", "-o", "term.jfr", "-cp", classes.toString(), "com.example.Forever"));
        waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(1500);
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "term.jfr", "-r", "tick");
        assertEquals(0, st.exitCode(), st::toString);
        assertTrue(st.stdout().contains("(Forever.tick)"), st::toString);
    }

    @Test
    void theAgentWorksOnTemurin25() throws Exception {
        Path jdk25 = Jdks.JAVA25;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jdk25), "no Temurin 25 here");
        JfrTraceRun rec = JfrTraceRun.run(work, jdk25, List.of("record", "-o", "fact25.jfr", "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, jdk25, List.of("stats", "fact25.jfr"));
        assertEquals("", st.stderr(), st::toString);
        CallProfileEndToEndIT.assertRow(st, "436/30", "com/example/Factorial.java:6(Factorial.fact)");
    }

    static void waitForOutput(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the program never printed '" + text + "'");
    }
}
