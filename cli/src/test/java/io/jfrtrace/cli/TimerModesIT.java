package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.cli.exit.ExitCodes;

/**
 * {@code record --timer wall|cpu|count}, end to end on JDK 17 and 25: the counts are exact whatever the timer; cpu's
 * times are each thread's CPU time (a sleeping thread gains none); count's are estimated from the JVM's execution
 * samples, and stats says so.
 */
class TimerModesIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static List<Path> javas() {
        return Jdks.available();
    }

    private static String tag(Path java) {
        return java.equals(Jdks.JAVA25) ? "25" : "17";
    }

    private static JfrTraceRun record(Path java, String out, Map<String, String> env, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "-q", "-o", out));
        args.addAll(List.of(options));
        JfrTraceRun rec = JfrTraceRun.run(work, java, env, args);
        assertEquals(0, rec.exitCode(), rec::toString);
        assertFalse(rec.stderr().contains("WARNING"), rec::toString);
        return rec;
    }

    private static JfrTraceRun stats(String... args) throws Exception {
        return stats(Pattern.compile(""), args);
    }

    /** {@code stats ARGS}, whose stderr must match {@code stderr}. */
    private static JfrTraceRun stats(Pattern stderr, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("stats"));
        command.addAll(List.of(args));
        JfrTraceRun st = JfrTraceRun.run(work, Jdks.current(), command);
        assertEquals(0, st.exitCode(), st::toString);
        assertTrue(stderr.matcher(st.stderr()).matches(), st::toString);
        return st;
    }

    /**
     * What a table's reader is told on stderr of the times (the text says it under its totals): nothing of wall time,
     * the clock of CPU time, the samples of estimated times.
     */
    private static Pattern caveat(String timer) {
        return Pattern.compile(switch (timer) {
            case "cpu" -> "jfr-trace stats: times are thread CPU time \\(.+\\)\n";
            // a short run may have no sample at all, and then no period to name
            case "count" -> "jfr-trace stats: times estimated from \\d+ execution samples \\(jdk.ExecutionSample(, 10 ms)?\\)\n";
            default -> "";
        });
    }

    /**
     * The counts of a profile, times left out: each function's and each caller's ncalls and primitive calls (CSV), whose
     * stderr says what the times are.
     */
    private static List<String> counts(String jfr, String timer) throws Exception {
        List<String> rows = new ArrayList<>();
        for (List<String> args : List.of(List.of(jfr, "--format", "csv"), List.of(jfr, "--format", "csv", "--callers"))) {
            JfrTraceRun st = stats(caveat(timer), args.toArray(String[]::new));
            List<String> lines = st.lines();
            String[] header = lines.get(0).split(",");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < header.length; i++) {
                    if (!header[i].equals("tottime") && !header[i].equals("cumtime")) {
                        row.append(cells[i]).append(' ');
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @MethodSource("javas")
    void everyTimerCountsTheSameCallsPrimitiveCallsAndCallers(Path java) throws Exception {
        List<String> wall = null;
        for (String timer : List.of("wall", "cpu", "count")) {
            String out = "countable-" + timer + tag(java) + ".jfr";
            JfrTraceRun rec = record(java, out, Map.of(), "--timer", timer, "-cp", classes.toString(),
                    "com.example.timing.Countable");
            assertEquals("sum=1802317133\n", rec.stdout(), rec::toString);
            List<String> counts = counts(out, timer);
            assertTrue(counts.size() > 20, counts::toString);
            assertTrue(counts.stream().anyMatch(r -> r.contains("Countable.fact")), counts::toString);
            if (wall == null) {
                wall = counts;
            } else {
                assertEquals(String.join("\n", wall), String.join("\n", counts), timer + " counts otherwise than wall");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("javas")
    void cpuTimesAreEachThreadsCpuTimeASleeperGainsNone(Path java) throws Exception {
        String out = "cpu" + tag(java) + ".jfr";
        JfrTraceRun rec = record(java, out, Map.of(), "--timer", "cpu", "-cp", classes.toString(),
                "com.example.timing.CpuTimed");
        assertCpuTimes(rec, out, Files.isRegularFile(CallTimingIT.CLOCK_LIBRARY) // where this build has it
                ? "clock_gettime(CLOCK_THREAD_CPUTIME_ID)" : "ThreadMXBean.getCurrentThreadCpuTime");
    }

    @Test
    void withoutTheNativeLibraryCpuTimeComesFromThreadMXBean() throws Exception {
        String out = "cpu-mx.jfr";
        JfrTraceRun rec = record(Jdks.current(), out, Map.of("JFRTRACE_NATIVE", "off"), "--timer", "cpu", "-cp",
                classes.toString(), "com.example.timing.CpuTimed");
        assertCpuTimes(rec, out, "ThreadMXBean.getCurrentThreadCpuTime");
    }

    /**
     * The sleeper's cumtime is its thread's CPU time, under 5 ms (it slept 400 ms); the burner's is what the program
     * measured around the call with ThreadMXBean, within 2 ms + 1 % (the same kernel clock: the difference is the
     * reads between the hooks and the program's).
     */
    private static void assertCpuTimes(JfrTraceRun rec, String out, String clock) throws Exception {
        Matcher m = Pattern.compile("sleeper_cpu_ns=(\\d+) burner_cpu_ns=(\\d+) burned=true").matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        JfrTraceRun st = stats(out);
        assertEquals("         times are thread CPU time (" + clock + ")", st.lines().get(3), st::toString);
        double sleeper = cumtime(st, "CpuTimed.sleeper");
        assertTrue(sleeper < 0.005, "the sleeper's CPU time: " + sleeper + " s\n" + st);
        double burner = cumtime(st, "CpuTimed.burner");
        double measured = Long.parseLong(m.group(2)) / 1e9;
        assertTrue(Math.abs(burner - measured) <= 0.002 + 0.01 * measured,
                "burner: stats says " + burner + " s, the program measured " + measured + " s of CPU\n" + st);
        assertEquals("cpu", info(work.resolve(out), "timerMode"));
        assertEquals(clock, info(work.resolve(out), "timer"));
    }

    /**
     * Estimated times: each burner's cumtime within 25 % + 60 ms (six samples) of the CPU time its thread got during the
     * call, as the program measured it (ThreadMXBean). The JVM samples a thread running Java code every 10 ms and a
     * sample weighs 10 ms; a thread the machine takes the CPU away from is sampled less, so on a busy machine (this
     * one is shared, 2 cores) the estimate follows the thread's CPU time, not its wall time (seen: 0.15 s for a
     * 0.5 s call that got 0.20 s of CPU). A wrong period, a sample given to the wrong function or a lost one of the
     * two burners is off by more.
     */
    @ParameterizedTest
    @MethodSource("javas")
    void countTimesAreEstimatedFromExecutionSamplesAndTheHeaderSaysSo(Path java) throws Exception {
        String out = "burners" + tag(java) + ".jfr";
        JfrTraceRun rec = record(java, out, Map.of(), "--timer", "count", "--jfr-settings", "none", "-cp",
                classes.toString(), "com.example.timing.Burners");
        Matcher m = Pattern.compile("short_ns=\\d+ long_ns=\\d+ short_cpu_ns=(\\d+) long_cpu_ns=(\\d+) sink=true")
                .matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        JfrTraceRun st = stats(out, "-s", "cumulative");
        Matcher header = Pattern.compile("         times estimated from (\\d+) execution samples "
                + "\\(jdk\\.ExecutionSample, 10 ms\\)").matcher(st.lines().get(3));
        assertTrue(header.matches(), st::toString);
        assertTrue(st.lines().get(2).matches("         \\d+ function calls in \\d+\\.\\d{3} seconds"), st::toString);
        for (String[] burn : new String[][] {{"Burners.shortBurn", m.group(1)}, {"Burners.longBurn", m.group(2)}}) {
            double estimated = cumtime(st, burn[0]);
            double measured = Long.parseLong(burn[1]) / 1e9;
            assertTrue(Math.abs(estimated - measured) <= 0.06 + 0.25 * measured, burn[0] + ": estimated " + estimated
                    + " s, the program measured " + measured + " s of CPU\n" + rec.stdout() + st);
        }
        assertTrue(Integer.parseInt(header.group(1)) >= 30, st::toString); // 150 on an idle machine
        assertEquals("count", info(work.resolve(out), "timerMode"));
        assertEquals("none", info(work.resolve(out), "timer"));
    }

    @Test
    void recordMinusSPrintsTheEstimateWithItsHeader() throws Exception {
        JfrTraceRun rec = record(Jdks.current(), "burners-s.jfr", Map.of(), "--timer", "count", "-s", "tottime", "-cp",
                classes.toString(), "com.example.timing.Burners");
        assertTrue(rec.stdout().contains(" seconds\n         times estimated from "), rec::toString);
        assertTrue(rec.stdout().contains("   Ordered by: internal time\n"), rec::toString);
        assertTrue(rec.stdout().contains("(Burners.spin)"), rec::toString);
    }

    @Test
    void badTimersAndCombinationsAreUsageErrorsInOneLine() throws Exception {
        String cp = classes.toString();
        for (List<String> args : List.of(
                List.of("record", "--timer", "fast", "-cp", cp, "com.example.timing.Burners"),
                List.of("record", "--timer", "count", "--builtins", "-cp", cp, "com.example.timing.Burners"),
                List.of("record", "--timer", "count", "--alloc", "-cp", cp, "com.example.timing.Burners"),
                List.of("record", "--timer", "cpu", "--no-profile", "-cp", cp, "com.example.timing.Burners"),
                List.of("attach", "--timer", "fast", "1"))) {
            JfrTraceRun run = JfrTraceRun.run(work, Jdks.current(), args);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertEquals(1, run.stderr().lines().count(), run::toString);
            assertTrue(run.stderr().startsWith("jfr-trace " + args.get(0) + ": --timer"), run::toString);
            assertFalse(run.stderr().contains("Exception"), run::toString);
            assertEquals("", run.stdout(), run::toString);
        }
        assertFalse(Files.exists(work.resolve("Burners.jfr")), "no program ran");
    }

    /** The cumtime column of {@code function}'s row. */
    static double cumtime(JfrTraceRun stats, String function) {
        Pattern row = Pattern.compile(" *[\\d/]+ +\\d+\\.\\d{3} +\\d+\\.\\d{3} +(\\d+\\.\\d{3}) +\\d+\\.\\d{3} .*\\("
                + Pattern.quote(function) + "\\)");
        return stats.lines().stream().map(row::matcher).filter(Matcher::matches)
                .mapToDouble(x -> Double.parseDouble(x.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + function + " in\n" + stats));
    }

    static String info(Path jfr, String field) throws Exception {
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("jfrtrace.RecordingInfo")) {
                return e.getString(field);
            }
        }
        throw new AssertionError("no jfrtrace.RecordingInfo in " + jfr);
    }
}
