package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.jfr.SampledStacks;
import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.report.StacksReport;
import io.jfrtrace.cli.report.html.FlameGraphHtml;

/**
 * {@code --format html} in a real browser: a stock recording ({@code -XX:StartFlightRecording}, settings=profile) of
 * TwoBurners (CPU in {@code fib} and in {@code sieve}) drawn as a flame graph, loaded in Debian's headless
 * {@code chromium}, and its DOM read back with {@code --dump-dom} (no debugging port): the page takes its view from
 * the URL's fragment ({@code #search=RE}, {@code #zoom=PATH}, {@code #reverse=1}), as a click or the search box sets
 * it. Skipped, saying so, where chromium is not installed ({@code .ci/run} installs it).
 */
class FlameGraphChromiumIT {
    static final String BURNERS = "com/example/flame/TwoBurners.";
    static final String FIB = BURNERS + "fib";
    static final String SIEVE = BURNERS + "sieve";
    static final String SIEVE_ROUND = BURNERS + "sieveRound";
    /** A drawn frame as Chromium serialises it. */
    static final Pattern FRAME = Pattern.compile(
            "<div class=\"f( a)?( m)?\" data-node=\"\\d+\" data-value=\"(\\d+)\" style=\"left: ([0-9.e-]+)%; width: ([0-9.e-]+)%; top: (\\d+)px;[^\"]*\">([^<]*)</div>");

    record Frame(String name, long value, double left, double width, int top, boolean ancestor, boolean matched) {
    }

    record Page(List<Frame> frames, String dom) {
        List<Frame> named(String name) {
            return frames.stream().filter(f -> f.name.equals(name)).toList();
        }

        Frame all() {
            return named("all").get(0);
        }

        String attribute(String id, String attribute) {
            Matcher m = Pattern.compile("id=\"" + id + "\"[^>]* " + attribute + "=\"([^\"]*)\"").matcher(dom);
            return m.find() ? m.group(1) : null;
        }
    }

    @TempDir
    static Path work;
    static Path chromium;
    static StackSamples samples;
    static Path html;

    @BeforeAll
    static void recordAndDraw() throws Exception {
        chromium = onPath("chromium");
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it): "
                        + "the flame graph is not tested in a browser here");
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path source = SamplePrograms.TEST_PROGRAMS.resolve("com/example/flame/TwoBurners.java");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()));
        Path jfr = work.resolve("burners.jfr");
        Path log = work.resolve("burners.log");
        Process p = new ProcessBuilder(JfrTraceRun.javaOf(System.getProperty("java.home")).toString(),
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile", "-cp", classes.toString(),
                "com.example.flame.TwoBurners", "2000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor(), () -> read(log));
        samples = SampledStacks.executionSamples(jfr);
        assertTrue(samples.samples() >= 20, "execution samples: " + samples.samples());
        html = work.resolve("flame.html");
        try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            new FlameGraphHtml().write(new StacksReport(samples, false, samples.samples() + " samples (jdk.ExecutionSample)",
                    "samples"), out);
        }
    }

    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The page as Chromium has drawn it with this fragment. */
    static Page open(String fragment) throws Exception {
        String dom = dumpDom(chromium, html, fragment, work);
        List<Frame> frames = new ArrayList<>();
        Matcher m = FRAME.matcher(dom);
        while (m.find()) {
            frames.add(new Frame(m.group(7).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"),
                    Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                    Integer.parseInt(m.group(6)), m.group(1) != null, m.group(2) != null));
        }
        assertFalse(frames.isEmpty(), () -> "no frames drawn:\n" + dom + read(work.resolve("chromium.err")));
        return new Page(frames, dom);
    }

    /** The DOM of {@code html} as headless Chromium has drawn it with this URL fragment (a fresh profile in {@code work}). */
    static String dumpDom(Path chromium, Path html, String fragment, Path work) throws Exception {
        URI uri = new URI("file", null, html.toString(), fragment.isEmpty() ? null : fragment);
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path err = work.resolve("chromium.err");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,900"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium will not run as root with its sandbox (CI containers)
        }
        command.addAll(List.of("--dump-dom", uri.toASCIIString()));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), () -> read(err));
        return dom;
    }

    /** The samples of the stacks that hold a frame {@code matching}. */
    static long samplesThrough(java.util.function.Predicate<String> matching) {
        long[] sum = {0};
        samples.forEach((stack, count, weight) -> {
            if (stack.stream().map(CollapsedStacks::label).anyMatch(matching)) {
                sum[0] += count;
            }
        });
        return sum[0];
    }

    @Test
    void theFramesAreDrawn() throws Exception {
        Page page = open("");
        assertEquals(samples.samples(), page.all().value());
        assertEquals(100, page.all().width(), 1e-9);
        Frame fib = page.named(FIB).get(0);
        Frame sieve = page.named(SIEVE).get(0);
        assertEquals(samplesThrough(SIEVE::equals), page.named(SIEVE).stream().mapToLong(Frame::value).sum(),
                "sieve is not recursive: its frames hold its samples");
        assertEquals(100.0 * sieve.value() / samples.samples(), sieve.width(), 1e-3, "width is the share of samples");
        assertTrue(fib.top() < page.all().top() && sieve.top() < page.all().top(), "a flame: the root at the bottom");
        assertTrue(page.frames().stream().noneMatch(f -> f.matched() || f.ancestor()));
        assertTrue(page.dom().contains(samples.samples() + " samples (jdk.ExecutionSample)"), "the title");
    }

    @Test
    void searchHighlightsTheMatchingFrames() throws Exception {
        Page page = open("search=TwoBurners\\.fib$");
        for (Frame f : page.frames()) {
            assertEquals(f.name().equals(FIB), f.matched(), f::toString);
        }
        assertTrue(page.named(FIB).size() > 1, "fib's recursion drawn");
        assertEquals(Long.toString(samplesThrough(FIB::equals)), page.attribute("matched", "data-value"),
                "the matched share counts each sample once, however deep the recursion");
    }

    @Test
    void zoomShowsOneFramesCallees() throws Exception {
        // the sieveRound frame with the most samples, by its path from the root
        Map<String, Long> paths = new HashMap<>();
        samples.forEach((stack, count, weight) -> {
            List<String> path = new ArrayList<>();
            for (FunctionKey f : stack) {
                path.add(CollapsedStacks.label(f));
                if (path.get(path.size() - 1).equals(SIEVE_ROUND)) {
                    paths.merge(String.join(";", path), count, Long::sum);
                    break;
                }
            }
        });
        var widest = paths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        Page whole = open("");
        assertFalse(whole.named(FIB).isEmpty());

        Page zoomed = open("zoom=" + widest.getKey());
        Frame round = zoomed.frames().stream().filter(f -> f.name().equals(SIEVE_ROUND) && !f.ancestor()).findFirst()
                .orElseThrow();
        assertEquals(widest.getValue(), round.value());
        assertEquals(0, round.left(), 1e-9);
        assertEquals(100, round.width(), 1e-9, "the zoomed frame fills the width");
        assertTrue(zoomed.named(FIB).isEmpty(), "fib is not under sieveRound: not drawn");
        assertFalse(zoomed.named(SIEVE).isEmpty());
        List<String> ancestors = zoomed.frames().stream().filter(Frame::ancestor).map(Frame::name).toList();
        // its callers, dimmed, nearest first: the path without the frame itself, reversed, then the root
        List<String> callers = new ArrayList<>(List.of(widest.getKey().split(";")));
        callers.remove(callers.size() - 1);
        java.util.Collections.reverse(callers);
        callers.add("all");
        assertEquals(callers, zoomed.frames().stream().filter(Frame::ancestor).map(Frame::name).toList());
        assertEquals(widest.getKey(), zoomed.attribute("graph", "data-zoom"));
    }

    @Test
    void reverseDrawsCallersUnderTheSampledFrames() throws Exception {
        Page page = open("reverse=1");
        int firstRow = page.all().top() + 16;
        assertEquals(0, page.all().top(), "reversed: the root at the top");
        long[] sum = {0};
        samples.forEach((stack, count, weight) -> {
            if (!stack.isEmpty() && CollapsedStacks.label(stack.get(stack.size() - 1)).equals(SIEVE)) {
                sum[0] += count;
            }
        });
        long leafSieve = sum[0];
        Frame sieve = page.frames().stream().filter(f -> f.name().equals(SIEVE) && f.top() == firstRow).findFirst()
                .orElseThrow(() -> new AssertionError("sieve is not among the sampled frames: " + page.frames()));
        assertEquals(leafSieve, sieve.value(), "the samples whose top frame is sieve");
        assertEquals("1", page.attribute("graph", "data-reverse"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
