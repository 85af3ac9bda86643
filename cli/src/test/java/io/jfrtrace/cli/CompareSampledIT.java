package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.jfr.SampledStacks;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * {@code compare} on sampled profiles: TwoBurners recorded twice by a stock JVM ({@code -XX:StartFlightRecording},
 * settings=profile), the second time longer and with {@code fib}'s n raised from 24 to 30, so fib takes far more CPU
 * (and a far larger share) and {@code sieve} a smaller share. The text diff of {@code --profile cpu} shows fib first by
 * the change of internal time; {@code --format html}'s differential flame graph, drawn in headless Chromium (skipped,
 * saying so, without it), colours fib's frames as growth and sieve's as shrinkage.
 */
class CompareSampledIT {
    static final String FIB = FlameGraphChromiumIT.FIB;
    static final String SIEVE = FlameGraphChromiumIT.SIEVE;
    /** A drawn frame of a differential graph as Chromium serialises it. */
    static final Pattern FRAME = Pattern.compile("<div class=\"f( a)?( m)?( up| dn)?\" data-node=\"\\d+\" "
            + "data-value=\"(\\d+)\" data-old=\"(\\d+)\" data-change=\"(-?[0-9.]+)\"[^>]*>([^<]*)</div>");

    record Frame(String name, long value, long old, double change, String moved) {
    }

    @TempDir
    static Path work;

    @BeforeAll
    static void recordTwice() throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path source = SamplePrograms.TEST_PROGRAMS.resolve("com/example/flame/TwoBurners.java");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()));
        record(classes, "old.jfr", "1500", "24");
        record(classes, "new.jfr", "3000", "30");
    }

    private static void record(Path classes, String jfr, String millis, String fibN) throws Exception {
        Path log = work.resolve(jfr + ".log");
        Process p = new ProcessBuilder(JfrTraceRun.javaOf(System.getProperty("java.home")).toString(),
                "-XX:StartFlightRecording=filename=" + work.resolve(jfr) + ",settings=profile", "-cp", classes.toString(),
                "com.example.flame.TwoBurners", millis, fibN)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor(), () -> read(log));
    }

    @Test
    void theTextDiffOfCpuSamplesShowsTheSlowerMethodFirst() throws Exception {
        JfrTraceRun run = JfrTraceRun.run(work, "compare", "--profile", "cpu", "old.jfr", "new.jfr", "-s", "totdiff");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        List<String> lines = run.lines();
        assertEquals("   old: old.jfr", lines.get(0), run::toString);
        assertTrue(lines.get(1).matches(" {9}\\d+ samples \\(jdk\\.ExecutionSample, \\d+ ms\\) in \\d+\\.\\d{3} seconds"),
                run::toString);
        assertEquals("   new: new.jfr", lines.get(2), run::toString);
        assertTrue(lines.get(3).matches(" {9}\\d+ samples \\(jdk\\.ExecutionSample, \\d+ ms\\) in \\d+\\.\\d{3} seconds"),
                run::toString);
        assertFalse(run.stdout().contains("function calls"), "samples are not calls");
        List<String[]> rows = CompareProfilesIT.rows(run);
        String[] first = rows.get(0);
        assertTrue(first[11].endsWith("(" + FIB.substring(FIB.lastIndexOf('/') + 1) + ")"), run::toString);
        assertTrue(Double.parseDouble(first[5]) > 0, run::toString); // the tottime difference
        assertTrue(Long.parseLong(first[2]) > 0, run::toString); // more samples
        String[] sieve = CompareProfilesIT.row(rows, "(TwoBurners.sieve)");
        assertTrue(Double.parseDouble(sieve[9]) < 0, "sieve's cumtime shrank: " + run);
    }

    @Test
    void theDifferentialFlameGraphColoursTheSlowerMethodAsGrowth() throws Exception {
        Path chromium = FlameGraphChromiumIT.onPath("chromium");
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it): "
                        + "the differential flame graph is not tested in a browser here");
        JfrTraceRun run = JfrTraceRun.run(work, "compare", "old.jfr", "new.jfr", "--format", "html", "-o", "diff.html");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("jfr-trace compare: the call paths are the JVM's CPU samples"), run::toString);

        String dom = FlameGraphChromiumIT.dumpDom(chromium, work.resolve("diff.html"), "", work);
        List<Frame> frames = new ArrayList<>();
        Matcher m = FRAME.matcher(dom);
        while (m.find()) {
            frames.add(new Frame(m.group(7), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Double.parseDouble(m.group(6)), m.group(3) == null ? "" : m.group(3).strip()));
        }
        assertFalse(frames.isEmpty(), () -> "no frames drawn:\n" + dom);
        StackSamples old = SampledStacks.executionSamples(work.resolve("old.jfr"));
        StackSamples current = SampledStacks.executionSamples(work.resolve("new.jfr"));
        Frame all = frames.stream().filter(f -> f.name().equals("all")).findFirst().orElseThrow();
        assertEquals(List.of(current.samples(), old.samples()), List.of(all.value(), all.old()));

        // fib's outermost frame: the samples through fib on each side, and coloured as growth
        Frame fib = frames.stream().filter(f -> f.name().equals(FIB)).findFirst().orElseThrow(() -> new AssertionError(dom));
        assertEquals(List.of(through(current, FIB), through(old, FIB)), List.of(fib.value(), fib.old()));
        double share = 100.0 * fib.value() / current.samples() - 100.0 * fib.old() / old.samples();
        assertEquals(share, fib.change(), 1e-3);
        assertTrue(share > 0, "fib's share grew: " + fib);
        for (Frame f : frames) {
            if (f.name().equals(FIB) && f.change() > 0) {
                assertEquals("up", f.moved(), f::toString);
            }
        }
        Frame sieve = frames.stream().filter(f -> f.name().equals(SIEVE)).findFirst().orElseThrow(() -> new AssertionError(dom));
        assertEquals("dn", sieve.moved(), "sieve's share shrank: " + sieve);
        assertTrue(reddish(dom, fib) && !reddish(dom, sieve), "growth is drawn red, shrinkage not");
    }

    /** Whether the frame's background is red rather than blue. */
    private static boolean reddish(String dom, Frame frame) {
        Matcher m = Pattern.compile("class=\"f[^\"]*\"[^>]*data-change=\"" + Pattern.quote(fmt(frame.change()))
                + "\"[^>]*background: rgb\\((\\d+), (\\d+), (\\d+)\\)[^>]*>" + Pattern.quote(frame.name()) + "<").matcher(dom);
        assertTrue(m.find(), frame::toString);
        return Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(3));
    }

    private static String fmt(double change) {
        return String.format(java.util.Locale.ROOT, "%.3f", change);
    }

    /** The samples of the stacks that hold {@code label}. */
    private static long through(StackSamples samples, String label) {
        long[] sum = {0};
        samples.forEach((stack, count, weight) -> {
            if (stack.stream().map(CollapsedStacks::label).anyMatch(label::equals)) {
                sum[0] += count;
            }
        });
        return sum[0];
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
