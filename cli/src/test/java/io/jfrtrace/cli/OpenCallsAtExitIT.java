package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls still running when the program ends are counted as cProfile's disable() counts them: each
 * as a return at the end. So main is in the profile whatever ended it, with the program's whole time.
 */
class OpenCallsAtExitIT {
    static final String PROGRAM = "com.example.exits.StillRunning";
    static final String FILE = "com/example/exits/StillRunning.java";
    static final Path JDK25 = Jdks.JAVA25;

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    /** The JDK running the tests (17) and Temurin 25. */
    static Stream<String> jdks() {
        return Stream.of("17", "25");
    }

    static Path java(String jdk) {
        if (jdk.equals("25")) {
            Assumptions.assumeTrue(Files.isExecutable(JDK25), "no Temurin 25 here");
            return JDK25;
        }
        return JfrTraceRun.javaOf(System.getProperty("java.home"));
    }

    /**
     * record's arguments. Without the JVM's stock events: the JVM does less between the end of the
     * program and the final flush (a few ms to a few tens here, more when the machine is loaded),
     * time in which main is still open and counted.
     */
    static List<String> record(String out, String... optionsThenMode) {
        List<String> args = new ArrayList<>(List.of("record", "-o", out, "--jfr-settings", "none"));
        args.addAll(List.of(optionsThenMode).subList(0, optionsThenMode.length - 1));
        args.addAll(List.of("-cp", classes.toString(), PROGRAM, optionsThenMode[optionsThenMode.length - 1]));
        return args;
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void systemExitClosesMainOuterAndInnerWithTheProgramsWholeTime(String jdk) throws Exception {
        Path java = java(jdk);
        JfrTraceRun rec = JfrTraceRun.run(work, java, record("exit" + jdk + ".jfr", "exit"));
        assertEquals(3, rec.exitCode(), rec::toString);
        assertMainOuterInnerSpan(rec, JfrTraceRun.run(work, java, List.of("stats", "exit" + jdk + ".jfr")));
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void sigtermClosesTheCallsTheProgramWasIn(String jdk) throws Exception {
        Path java = java(jdk);
        Process p = JfrTraceRun.start(work, java, record("term" + jdk + ".jfr", "term"));
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(3500);
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(p, work);
        JfrTraceRun st = JfrTraceRun.run(work, java, List.of("stats", "term" + jdk + ".jfr"));
        assertMainOuterInnerSpan(rec, st);
        assertTrue(row(st, "StillRunning.leaf").matches(" +\\d{4,} .*"), st::toString);
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void watchdogExitClosesTheCallsOfTheHungProgram(String jdk) throws Exception {
        Path java = java(jdk);
        JfrTraceRun rec = JfrTraceRun.run(work, java, record("hang" + jdk + ".jfr", "--watchdog", "4s", "--watchdog-exit",
                "--dump-file", "hang" + jdk + ".txt", "hang"));
        assertEquals(1, rec.exitCode(), rec::toString);
        assertMainOuterInnerSpan(rec, JfrTraceRun.run(work, java, List.of("stats", "hang" + jdk + ".jfr")));
    }

    @Test
    void aDaemonThreadStillRunningWhenMainReturnsIsClosedToo() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java("17"), record("daemon.jfr", "daemon"));
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "daemon.jfr");
        assertWorkerOpenToTheEnd(rec, st);
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":73(StillRunning.main)");
    }

    @Test
    void anUncaughtExceptionInMainClosesTheOtherThreadsCalls() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java("17"), record("uncaught.jfr", "uncaught"));
        assertEquals(1, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("main gives up"), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "uncaught.jfr");
        assertWorkerOpenToTheEnd(rec, st);
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":73(StillRunning.main)");
    }

    /** main, outer and inner once each; main's cumtime and the header's total are the program's wall time (2 %). */
    static void assertMainOuterInnerSpan(JfrTraceRun rec, JfrTraceRun st) {
        assertEquals(0, st.exitCode(), st::toString);
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":73(StillRunning.main)");
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":58(StillRunning.outer)");
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":28(StillRunning.inner)");
        double wall = wall(rec);
        assertWithin2Percent(wall, cumtime(st, "StillRunning.main"), "main's cumtime", st);
        Matcher total = Pattern.compile(" +\\d+ function calls in (\\d+\\.\\d{3}) seconds").matcher(st.stdout());
        assertTrue(total.find(), st::toString);
        assertWithin2Percent(wall, Double.parseDouble(total.group(1)), "the total time", st);
    }

    /** The daemon thread's worker -> spin, open until the JVM ended: once each, spin for the whole run. */
    static void assertWorkerOpenToTheEnd(JfrTraceRun rec, JfrTraceRun st) {
        assertEquals(0, st.exitCode(), st::toString);
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":69(StillRunning.worker)");
        CallProfileEndToEndIT.assertRow(st, "1", FILE + ":62(StillRunning.spin)");
        assertWithin2Percent(wall(rec), cumtime(st, "StillRunning.spin"), "spin's cumtime", st);
    }

    static void assertWithin2Percent(double expected, double actual, String what, JfrTraceRun st) {
        assertTrue(Math.abs(actual - expected) <= 0.02 * expected,
                what + " " + actual + " s, the program's wall time " + expected + " s\n" + st);
    }

    /** The wall time the program printed ("wall SECONDS"). */
    static double wall(JfrTraceRun rec) {
        Matcher m = Pattern.compile("(?m)^wall (\\d+\\.\\d+)").matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        return Double.parseDouble(m.group(1));
    }

    /** The stats row of {@code function} (one row only). */
    static String row(JfrTraceRun st, String function) {
        List<String> rows = st.lines().stream().filter(l -> l.endsWith("(" + function + ")")).toList();
        assertEquals(1, rows.size(), st::toString);
        return rows.get(0);
    }

    /** The cumtime column of {@code function}'s row. */
    static double cumtime(JfrTraceRun st, String function) {
        return Double.parseDouble(row(st, function).trim().split(" +")[3]);
    }
}
