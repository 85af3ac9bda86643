package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --calibrate}: the counts stay exact, and the caller's cumtime is what the program measured around it
 * less the bias the recording states for each of the calls made within it, whatever the machine's load: the
 * calibration itself is only as good as the measurement at start (README, "Speed").
 */
class CalibrateIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @Test
    void theCallersTimeLosesTheStatedBiasPerCallOnJdk17() throws Exception {
        check(JfrTraceRun.javaOf(System.getProperty("java.home")), "calibrated17.jfr");
    }

    @Test
    void theCallersTimeLosesTheStatedBiasPerCallOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(Jdks.JAVA25), "no JDK 25 at " + Jdks.JAVA25);
        check(Jdks.JAVA25, "calibrated25.jfr");
    }

    @Test
    void calibrateWithoutACallProfileIsAUsageError() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), List.of("record",
                "--calibrate", "--no-profile", "-o", "none.jfr", "-cp", classes.toString(), "com.example.timing.ManyCalls"));
        assertEquals(2, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().startsWith("jfr-trace record: --calibrate takes the profiler's cost out of the call "
                + "profile's times, which --no-profile turns off"), rec::toString);
    }

    @Test
    void calibrateWithCountsOnlyIsAUsageError() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), List.of("record",
                "--calibrate", "--timer", "count", "-o", "count.jfr", "-cp", classes.toString(),
                "com.example.timing.ManyCalls"));
        assertEquals(2, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().startsWith("jfr-trace record: --calibrate takes the profiler's cost out of the times, "
                + "which --timer count does not measure"), rec::toString);
    }

    @Test
    void aCallTreeTimesItsPathsUncalibratedAndWithAClock() throws Exception {
        for (String other : List.of("--calibrate", "--timer count")) {
            List<String> args = new java.util.ArrayList<>(List.of("record", "--call-tree"));
            args.addAll(List.of(other.split(" ")));
            args.addAll(List.of("-o", "tree.jfr", "-cp", classes.toString(), "com.example.timing.ManyCalls"));
            JfrTraceRun rec = JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), args);
            assertEquals(2, rec.exitCode(), rec::toString);
            assertTrue(rec.stderr().startsWith("jfr-trace record: --call-tree times its paths with the wall or CPU clock "
                    + "as they are: leave out " + other), rec::toString);
        }
    }

    private static void check(Path java, String out) throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "--calibrate", "-o", out, "-cp",
                classes.toString(), "com.example.timing.ManyCalls"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Matcher m = Pattern.compile("caller_ns=(\\d+) calls=(\\d+)").matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        long measured = Long.parseLong(m.group(1));
        long calls = Long.parseLong(m.group(2));
        double bias = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(work.resolve(out))) {
            if (e.getEventType().getName().equals("jfrtrace.RecordingInfo")) {
                bias = e.getDouble("calibrationCallerBias") + e.getDouble("calibrationCalleeBias");
            }
        }
        assertTrue(bias > 0 && bias < 10_000, "a calibration bias of " + bias + " ns per call");
        JfrTraceRun st = JfrTraceRun.run(work, "stats", out);
        assertEquals(0, st.exitCode(), st::toString);
        assertTrue(st.stdout().contains(" " + (calls + 2) + " function calls in "), st::toString); // exact
        CallProfileEndToEndIT.assertRow(st, Long.toString(calls), "com/example/timing/ManyCalls.java:8(ManyCalls.leaf)");
        Matcher row = Pattern.compile(" +1 +-?\\d+\\.\\d{3} +-?\\d+\\.\\d{3} +(-?\\d+\\.\\d{3}) +-?\\d+\\.\\d{3} .*\\(ManyCalls\\.caller\\)")
                .matcher(st.stdout());
        assertTrue(row.find(), st::toString);
        double cumtime = Double.parseDouble(row.group(1));
        double expected = (measured - calls * bias) / 1e9;
        assertTrue(Math.abs(cumtime - expected) <= 0.002 + 0.02 * measured / 1e9,
                "caller's cumtime " + cumtime + " s; the program measured " + measured / 1e9 + " s, less " + calls
                        + " calls of " + bias + " ns: " + expected + " s\n" + st);
    }
}
