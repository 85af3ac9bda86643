package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiler's clock: the TSC through the native clock library where this build has it and Linux runs
 * on the TSC, System.nanoTime otherwise. Either way the seconds stats prints must match what the program
 * measured around the same calls with System.nanoTime (a wrong tick rate would be off by the CPU's GHz).
 */
class CallTimingIT {
    static final Path CLOCK_LIBRARY = Paths.get("../recorder/target/native/libjfrtrace_clock.so");
    static final Path JAVA25 = Jdks.JAVA25;

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    /** The clock a default run should pick on this machine. */
    static String expectedDefaultTimer() throws Exception {
        Path source = Paths.get("/sys/devices/system/clocksource/clocksource0/current_clocksource");
        boolean tsc = Files.isReadable(source) && Files.readString(source).trim().equals("tsc");
        return tsc && Files.isRegularFile(CLOCK_LIBRARY) ? "TSC" : "System.nanoTime";
    }

    @Test
    void defaultClockReportsTheSecondsTheProgramMeasured() throws Exception {
        JfrTraceRun rec = recordAndCheck("default.jfr", JfrTraceRun.javaOf(System.getProperty("java.home")), Map.of());
        assertEquals(expectedDefaultTimer(), timer(work.resolve("default.jfr")), rec::toString);
    }

    @Test
    void withoutNativeLibrariesTheClockIsNanoTimeAndTheSecondsStillMatch() throws Exception {
        JfrTraceRun rec = recordAndCheck("nanotime.jfr", JfrTraceRun.javaOf(System.getProperty("java.home")),
                Map.of("JFRTRACE_NATIVE", "off"));
        assertEquals("System.nanoTime", timer(work.resolve("nanotime.jfr")), rec::toString);
    }

    @Test
    void onJdk25TheNativeClockLoadsWithoutNativeAccessWarnings() throws Exception {
        assumeTrue(Files.isExecutable(JAVA25), "no JDK 25 at " + JAVA25);
        JfrTraceRun rec = recordAndCheck("jdk25.jfr", JAVA25, Map.of());
        assertEquals(expectedDefaultTimer(), timer(work.resolve("jdk25.jfr")), rec::toString);
        assertFalse(rec.stderr().contains("WARNING"), rec::toString);
    }

    private static JfrTraceRun recordAndCheck(String out, Path java, Map<String, String> env) throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java, env, List.of("record", "-o", out, "-cp", classes.toString(),
                "com.example.timing.Timed"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Matcher m = Pattern.compile("sleeper_ns=(\\d+) spinner_ns=(\\d+) spins=true").matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", out);
        assertEquals(0, st.exitCode(), st::toString);
        assertSeconds(st, "Timed.sleeper", Long.parseLong(m.group(1)));
        assertSeconds(st, "Timed.spinner", Long.parseLong(m.group(2)));
        return rec;
    }

    /** The function's cumtime column equals the program's own measurement within 2 ms + 1 %. */
    private static void assertSeconds(JfrTraceRun stats, String function, long measuredNanos) {
        Pattern row = Pattern.compile(" +1 +\\d+\\.\\d{3} +\\d+\\.\\d{3} +(\\d+\\.\\d{3}) +\\d+\\.\\d{3} .*\\(" + Pattern.quote(function) + "\\)");
        double cumtime = stats.lines().stream().map(row::matcher).filter(Matcher::matches)
                .mapToDouble(x -> Double.parseDouble(x.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + function + " in\n" + stats));
        double measured = measuredNanos / 1e9;
        assertTrue(Math.abs(cumtime - measured) <= 0.002 + 0.01 * measured,
                function + ": stats says " + cumtime + " s, the program measured " + measured + " s\n" + stats);
    }

    private static String timer(Path jfr) throws Exception {
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jfrtrace.RecordingInfo")) {
                return e.getString("timer");
            }
        }
        throw new AssertionError("no jfrtrace.RecordingInfo in " + jfr);
    }
}
