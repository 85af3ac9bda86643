package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;

import io.jfrtrace.cli.exit.ExitCodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stats} on recordings made with the JVM's own recorder alone ({@code -XX:StartFlightRecording}, settings=profile:
 * execution samples every 10 ms) of Busy, whose hot-worker runs three times as long as its cold-worker, then two
 * threads contend for a monitor: sampled profiles through pstats' printer, said to be samples, on JDK 17 and 25.
 */
class SampledProfileIT {
    private static final Pattern HEADER = Pattern.compile(
            " {9}(\\d+) samples \\((jdk\\.ExecutionSample), 10 ms\\) in (\\d+\\.\\d{3}) seconds");
    /** A print_stats row: ncalls, tottime, percall, cumtime, percall, the function. */
    private static final Pattern ROW = Pattern.compile(
            " *(\\d+) +(\\d+\\.\\d{3}) +(\\d+\\.\\d{3}) +(\\d+\\.\\d{3}) +(\\d+\\.\\d{3}) (.*)");

    @TempDir
    static Path work;
    static Path classes;
    private static final Map<Integer, Path> RECORDINGS = new HashMap<>();
    static final Path OLD_JDKS = Path.of("src/test/resources/stock-recordings");

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    private static synchronized Path recording(int jdk) throws Exception {
        Path known = RECORDINGS.get(jdk);
        if (known != null) {
            return known;
        }
        Path out = runBusy(jdk, "busy-" + jdk, "-XX:StartFlightRecording=filename={out},settings=profile");
        RECORDINGS.put(jdk, out);
        return out;
    }

    /** Runs Busy on JDK {@code jdk} with {@code jvmOption} (how it is recorded) into {@code name}.jfr, and waits for it. */
    private static Path runBusy(int jdk, String name, String jvmOption) throws Exception {
        Path out = work.resolve(name + ".jfr");
        Path log = work.resolve(name + ".log");
        Process p = new ProcessBuilder(StockAllocationIT.java(jdk).toString(), jvmOption.replace("{out}", out.toString()),
                "-cp", classes.toString(), "com.example.sampled.Busy")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor(), () -> StockAllocationIT.read(log));
        return out;
    }

    private static JfrTraceRun stats(String... args) throws Exception {
        return JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), List.of(args));
    }

    /** Function name (as printed) to its row. */
    private static Map<String, Matcher> rows(String stdout) {
        Map<String, Matcher> rows = new HashMap<>();
        for (String line : stdout.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(6), m);
            }
        }
        return rows;
    }

    private static Matcher row(Map<String, Matcher> rows, String function) {
        return rows.entrySet().stream().filter(e -> e.getKey().endsWith("(" + function + ")")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aStockRecordingShowsItsCpuSamplesAsSamplesAndSaysSoFirst(int jdk) throws Exception {
        assertCpuSamplesShown(recording(jdk));
    }

    /**
     * Recordings of Busy by JDK 11 and JDK 21 (settings=profile), which this machine's packages do not offer: made once
     * by {@code src/test/resources/stock-recordings/record.sh} with Debian's OpenJDK 11 and 21, kept beside it. Their CPU
     * samples, lock samples, allocation fallback and collapsed stacks read as JDK 17's and 25's do.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {11, 21})
    void recordingsOfOlderJdksReadAsTheirOwn(int jdk) throws Exception {
        Path rec = OLD_JDKS.resolve("jdk" + jdk + "-busy.jfr").toAbsolutePath();
        assertCpuSamplesShown(rec);
        JfrTraceRun lock = stats("stats", "--profile", "lock", rec.toString());
        assertEquals(0, lock.exitCode(), lock::toString);
        assertTrue(row(rows(lock.stdout()), "Busy.contend") != null, lock::toString);
        JfrTraceRun alloc = stats("alloc", rec.toString());
        assertEquals(0, alloc.exitCode(), alloc::toString);
        List<String> allocLines = alloc.stdout().lines().toList();
        assertTrue(allocLines.get(0).startsWith("# " + rec + " has no jfr-trace snapshots: estimates from JFR's "),
                alloc::toString);
        assertTrue(allocLines.size() > 1 && allocLines.get(1).contains(": size="), alloc::toString);
        JfrTraceRun ours = stats("stats", rec.toString(), "--profile", "wall", "--format", "collapsed");
        assertEquals(0, ours.exitCode(), ours::toString);
        assertEquals(converterCollapsed(rec, jdk), collapsed(ours.stdout()));
    }

    /** {@code stats REC} on a stock recording of Busy: its CPU samples, said so first, hot about three times cold. */
    private static void assertCpuSamplesShown(Path rec) throws Exception {
        JfrTraceRun run = stats("stats", rec.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().lines().findFirst().orElse("").startsWith("jfr-trace stats: " + rec
                + " has no jfr-trace call events: showing its CPU samples"), run::toString);
        Matcher header = run.stdout().lines().map(HEADER::matcher).filter(Matcher::matches).findFirst().orElse(null);
        assertTrue(header != null, run::toString);
        long samples = Long.parseLong(header.group(1));
        assertTrue(samples > 50, run::toString);
        // each sample weighs the 10 ms period: the total is samples x 10 ms
        assertEquals(samples * 0.010, Double.parseDouble(header.group(3)), 0.0005, run::toString);
        assertFalse(run.stdout().contains("function calls"), run::toString);

        Map<String, Matcher> rows = rows(run.stdout());
        Matcher hot = row(rows, "Busy.hot");
        Matcher cold = row(rows, "Busy.cold");
        assertTrue(hot != null && cold != null, run::toString);
        long hotSamples = Long.parseLong(hot.group(1));
        long coldSamples = Long.parseLong(cold.group(1));
        assertTrue(hotSamples > 2 * coldSamples, "hot " + hotSamples + " against cold " + coldSamples);
        // cumtime: the samples it is anywhere in, x 10 ms; a caller of the leaf has no time of its own
        assertEquals(hotSamples * 0.010, Double.parseDouble(hot.group(4)), 0.0005, run::toString);
        Matcher burn = row(rows, "Busy.burn");
        assertTrue(burn != null, run::toString);
        assertEquals(burn.group(2), burn.group(4), run::toString); // the leaf's time is its own
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void threadAndTimeOptionsChooseTheSamples(int jdk) throws Exception {
        Path rec = recording(jdk);
        JfrTraceRun cold = stats("stats", rec.toString(), "--profile", "cpu", "--thread", "cold-*");
        assertEquals(0, cold.exitCode(), cold::toString);
        assertTrue(cold.stderr().isEmpty(), cold::toString); // the kind was chosen: nothing to announce
        assertTrue(row(rows(cold.stdout()), "Busy.cold") != null, cold::toString);
        assertTrue(row(rows(cold.stdout()), "Busy.hot") == null, cold::toString);

        // --lines: burn by the lines sampled in it (its loop), not by the method (line 0)
        JfrTraceRun lines = stats("stats", rec.toString(), "--profile", "cpu", "--lines", "--thread", "hot-*");
        assertEquals(0, lines.exitCode(), lines::toString);
        List<String> burnLines = rows(lines.stdout()).keySet().stream().filter(f -> f.endsWith("(Busy.burn)")).toList();
        assertFalse(burnLines.isEmpty(), lines::toString);
        assertTrue(burnLines.stream().noneMatch(f -> f.contains(".java:0(")), lines::toString);

        JfrTraceRun none = stats("stats", rec.toString(), "--profile", "cpu", "--from", "3600");
        assertEquals(4, none.exitCode(), none::toString);
        assertTrue(none.stderr().contains("no jdk.ExecutionSample events in the threads and times chosen"), none::toString);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void lockProfilesWeighTheTimeBlocked(int jdk) throws Exception {
        JfrTraceRun run = stats("stats", recording(jdk).toString(), "--profile", "lock", "--thread", "locker-*");
        assertEquals(0, run.exitCode(), run::toString);
        Matcher contend = row(rows(run.stdout()), "Busy.contend");
        assertTrue(contend != null, run::toString);
        // about five waits of 50 ms per locker on the monitor (the profile's threshold is 10 ms)
        double blocked = Double.parseDouble(contend.group(4));
        assertTrue(blocked > 0.2 && blocked < 1.0, run::toString);
        assertTrue(run.stdout().contains("samples (jdk.JavaMonitorEnter"), run::toString);
    }

    /** A recording started from outside with {@code jcmd PID JFR.start}, as an operator would, reads alike. */
    @org.junit.jupiter.api.Test
    void aRecordingStartedWithJcmdIsRead() throws Exception {
        Path rec = work.resolve("busy-jcmd.jfr");
        Path jcmd = JfrTraceRun.javaOf(System.getProperty("java.home")).resolveSibling("jcmd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jcmd), "no jcmd beside " + jcmd);
        Process program = new ProcessBuilder(StockAllocationIT.java(17).toString(), "-cp", classes.toString(),
                "com.example.sampled.Busy", "wait")
                .redirectErrorStream(true).redirectOutput(work.resolve("busy-jcmd.log").toFile()).start();
        try {
            Process start = new ProcessBuilder(jcmd.toString(), Long.toString(program.pid()), "JFR.start", "settings=profile",
                    "filename=" + rec, "dumponexit=true")
                    .redirectErrorStream(true).redirectOutput(work.resolve("jcmd.log").toFile()).start();
            assertEquals(0, start.waitFor(), () -> StockAllocationIT.read(work.resolve("jcmd.log")));
            program.getOutputStream().close(); // Busy starts its work once its stdin ends
            assertEquals(0, program.waitFor(), () -> StockAllocationIT.read(work.resolve("busy-jcmd.log")));
        } finally {
            program.destroyForcibly();
        }
        JfrTraceRun run = stats("stats", rec.toString(), "--profile", "cpu", "--thread", "hot-*");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().lines().anyMatch(l -> HEADER.matcher(l).matches()), run::toString);
        assertTrue(row(rows(run.stdout()), "Busy.hot") != null, run::toString);
    }

    /**
     * A recording made as JDK Mission Control makes one: through the JVM's FlightRecorderMXBean (newRecording, the
     * predefined "profile" configuration, stop, copyTo), reads alike on both JDKs.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aRecordingMadeThroughTheFlightRecorderMXBeanAsJmcMakesItIsRead(int jdk) throws Exception {
        Path java = StockAllocationIT.java(jdk);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java), "no JDK " + jdk);
        Path rec = work.resolve("busy-mxbean-" + jdk + ".jfr");
        Path log = work.resolve("busy-mxbean-" + jdk + ".log");
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(), "com.example.sampled.MxBeanRecorded",
                rec.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor(), () -> StockAllocationIT.read(log));
        JfrTraceRun run = stats("stats", rec.toString(), "--profile", "cpu");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().lines().anyMatch(l -> HEADER.matcher(l).matches()), run::toString);
        Map<String, Matcher> rows = rows(run.stdout());
        Matcher hot = row(rows, "Busy.hot");
        Matcher cold = row(rows, "Busy.cold");
        assertTrue(hot != null && cold != null, run::toString);
        // the hot worker burns three times the cold one's CPU time: its cumulative samples show it
        double ratio = Double.parseDouble(hot.group(4)) / Double.parseDouble(cold.group(4));
        assertTrue(ratio > 2 && ratio < 4.5, "hot/cold " + ratio + "\n" + run);
    }

    /** JDK 25's CPU-time sampler ({@code jdk.CPUTimeSample}, Linux): {@code --profile cpu-time}, weighing its throttle. */
    @org.junit.jupiter.api.Test
    void cpuTimeSamplesOfJdk25WeighTheirInterval() throws Exception {
        Path rec = runBusy(25, "busy-cpu-time",
                "-XX:StartFlightRecording=filename={out},jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=10ms");
        JfrTraceRun run = stats("stats", rec.toString(), "--profile", "cpu-time");
        assertEquals(0, run.exitCode(), run::toString);
        Matcher header = Pattern.compile(" {9}(\\d+) samples \\(jdk\\.CPUTimeSample, 10 ?ms\\) in (\\d+\\.\\d{3}) seconds")
                .matcher(run.stdout().lines().filter(l -> l.contains(" samples (")).findFirst().orElse(""));
        assertTrue(header.matches(), run::toString);
        assertEquals(Long.parseLong(header.group(1)) * 0.010, Double.parseDouble(header.group(2)), 0.0005, run::toString);
        assertTrue(row(rows(run.stdout()), "Busy.burn") != null, run::toString);
    }

    /**
     * JDK 25's method timing: exact invocation counts of the timed methods (hot calls burn once a call, as cold does,
     * so burn's count is hot's and cold's together), said to be calls with times that do not add up.
     */
    @org.junit.jupiter.api.Test
    void methodTimingOfJdk25GivesExactCounts() throws Exception {
        Path rec = runBusy(25, "busy-method-timing", "-XX:StartFlightRecording=filename={out},method-timing="
                + "com.example.sampled.Busy::burn;com.example.sampled.Busy::hot;com.example.sampled.Busy::cold");
        JfrTraceRun run = stats("stats", rec.toString(), "--profile", "method-timing");
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Matcher> rows = rows(run.stdout());
        Matcher burn = row(rows, "Busy.burn");
        Matcher hot = row(rows, "Busy.hot");
        Matcher cold = row(rows, "Busy.cold");
        assertTrue(burn != null && hot != null && cold != null, run::toString);
        long hotCalls = Long.parseLong(hot.group(1));
        long coldCalls = Long.parseLong(cold.group(1));
        assertEquals(hotCalls + coldCalls, Long.parseLong(burn.group(1)), run::toString);
        assertTrue(hotCalls > 1000, run::toString);
        assertEquals("0.000", burn.group(2), run::toString); // tottime is not measured
        assertTrue(Double.parseDouble(burn.group(4)) > 0, run::toString);
        String header = " {9}" + 2 * (hotCalls + coldCalls) + " calls \\(jdk\\.MethodTiming: 3 timed methods, .*\\)";
        assertTrue(run.stdout().lines().anyMatch(l -> l.matches(header)), run::toString);
        JfrTraceRun flame = stats("stats", rec.toString(), "--profile", "method-timing", "--format", "collapsed");
        assertEquals(ExitCodes.USAGE, flame.exitCode(), flame::toString);
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theFlameGraphOfAnExactProfileIsItsCpuSamplesAndSaysSo(int jdk) throws Exception {
        Path page = work.resolve("busy-" + jdk + ".html");
        JfrTraceRun run = stats("stats", recording(jdk).toString(), "--format", "html", "-o", page.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("jfr-trace stats: the call paths are the JVM's CPU samples"), run::toString);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html"), html.substring(0, Math.min(200, html.length())));
        assertTrue(html.contains("Busy.burn") || html.contains("burn"), "no frame of Busy in the page");
    }

    /**
     * The cross-check against async-profiler's converter: its default mode reads execution and native-method samples,
     * our {@code --profile wall}; after naming frames alike, the same stacks with the same counts.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void collapsedStacksEqualAsyncProfilersConverters(int jdk) throws Exception {
        Path rec = recording(jdk);
        JfrTraceRun ours = stats("stats", rec.toString(), "--profile", "wall", "--format", "collapsed");
        assertEquals(0, ours.exitCode(), ours::toString);
        assertEquals(converterCollapsed(rec, jdk), collapsed(ours.stdout()));
    }

    /**
     * A recording async-profiler wrote (its library from Maven Central, {@code event=itimer}): its execution samples
     * and its sampling interval read as the JVM's, its native frames named as native code, and its collapsed stacks
     * the converter's.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void anAsyncProfilerRecordingIsReadLikeTheJvmsOwn(int jdk) throws Exception {
        String platform = System.getProperty("os.arch").equals("aarch64") ? "linux-arm64" : "linux-x64";
        Path library = work.resolve("libasyncProfiler.so");
        synchronized (SampledProfileIT.class) {
            if (!Files.exists(library)) {
                try (var in = SampledProfileIT.class.getResourceAsStream("/" + platform + "/libasyncProfiler.so")) {
                    org.junit.jupiter.api.Assumptions.assumeTrue(in != null, "no async-profiler library for " + platform);
                    Files.copy(in, library);
                }
            }
        }
        Path rec = runBusy(jdk, "async-profiler-" + jdk,
                "-agentpath:" + library + "=start,event=itimer,interval=10ms,jfr,file={out}");

        JfrTraceRun run = stats("stats", rec.toString(), "--profile", "cpu");
        assertEquals(0, run.exitCode(), run::toString);
        Matcher header = run.stdout().lines().map(HEADER::matcher).filter(Matcher::matches).findFirst().orElse(null);
        assertTrue(header != null, run::toString);
        Map<String, Matcher> rows = rows(run.stdout());
        Matcher hot = row(rows, "Busy.hot");
        assertTrue(hot != null, run::toString);
        assertEquals(Long.parseLong(hot.group(1)) * 0.010, Double.parseDouble(hot.group(4)), 0.0005, run::toString);
        assertTrue(rows.keySet().stream().anyMatch(f -> f.startsWith("{") && f.endsWith(" (libjvm.so)}")), run::toString);
        assertTrue(rows.keySet().stream().noneMatch(f -> f.contains("libjvm/so")), run::toString);

        JfrTraceRun ours = stats("stats", rec.toString(), "--profile", "wall", "--format", "collapsed");
        assertEquals(0, ours.exitCode(), ours::toString);
        assertEquals(converterCollapsed(rec, jdk), collapsed(ours.stdout()));
    }

    private static Map<String, Long> converterCollapsed(Path recording, int jdk) throws Exception {
        Path theirs = work.resolve(recording.getFileName() + ".collapsed");
        Path converter = Path.of(one.convert.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(JfrTraceRun.javaOf(System.getProperty("java.home")).toString(), "-cp",
                converter.toString(), "one.convert.Main", "-o", "collapsed", recording.toString(), theirs.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("converter-" + jdk + ".log").toFile()).start();
        assertEquals(0, p.waitFor());
        Map<String, Long> expected = collapsed(Files.readString(theirs));
        assertTrue(expected.values().stream().mapToLong(Long::longValue).sum() > 50, expected::toString);
        return expected;
    }

    /**
     * Stack to count, frames named alike: the converter's {@code _[j]} suffixes dropped, our native frames'
     * {@code <symbol (library)>} as the symbol alone, dots and slashes the same.
     */
    private static Map<String, Long> collapsed(String text) {
        Map<String, Long> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            List<String> frames = new ArrayList<>();
            for (String f : line.substring(0, space).split(";")) {
                frames.add(f.replaceAll("_\\[[^\\]]*\\]$", "").replaceAll("^<(.*?)(?: \\([^()]*\\))?>$", "$1").replace('.', '/'));
            }
            out.merge(String.join(";", frames), Long.parseLong(line.substring(space + 1)), Long::sum);
        }
        return out;
    }
}
