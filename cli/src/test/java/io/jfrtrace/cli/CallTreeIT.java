package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.analyzer.jfr.ChunkedRecording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code record --call-tree}, then the exact call paths of com.example.tree.TreePaths (main → round → a → c three
 * times a round, → b → c five times, → fact(4) recursing) as {@code stats --format collapsed|html} and {@code compare
 * --format html} give them: exactly these paths with exactly these calls, self times that add up to the profile's, the
 * bound's "(truncated)" rule, what a SIGKILL leaves, attach.
 */
class CallTreeIT {
    static final String P = "com/example/tree/TreePaths.";
    static final String ROUND = P + "main;" + P + "round";

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static String jdk(Path java) {
        return java.equals(Jdks.current()) ? "current" : "25";
    }

    /** Records TreePaths with {@code options} into {@code out}. */
    static void record(Path java, String out, List<String> options, String... programArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "-q", "-o", out));
        args.addAll(options);
        args.addAll(List.of("--", "-cp", classes.toString(), "com.example.tree.TreePaths"));
        args.addAll(List.of(programArgs));
        JfrTraceRun rec = JfrTraceRun.run(work, java, args);
        assertEquals(0, rec.exitCode(), rec::toString);
    }

    /** {@code stats --format collapsed ARGS FILE} as path → value. */
    static Map<String, Long> collapsed(Path java, String file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("stats", "--format", "collapsed"));
        cmd.addAll(List.of(args));
        cmd.add(file);
        JfrTraceRun st = JfrTraceRun.run(work, java, cmd);
        assertEquals(0, st.exitCode(), st::toString);
        assertEquals("", st.stderr(), "exact paths: no word about samples\n" + st);
        Map<String, Long> paths = new TreeMap<>();
        for (String line : st.lines()) {
            int space = line.lastIndexOf(' ');
            assertEquals(null, paths.put(line.substring(0, space), Long.parseLong(line.substring(space + 1))), line);
        }
        return paths;
    }

    /** The paths of {@code rounds} rounds, with their calls. */
    static Map<String, Long> expectedCalls(long rounds, boolean mainReturned) {
        Map<String, Long> m = new TreeMap<>();
        if (mainReturned) {
            m.put(P + "main", 1L);
        }
        m.put(ROUND, rounds);
        m.put(ROUND + ";" + P + "a", 3 * rounds);
        m.put(ROUND + ";" + P + "a;" + P + "c", 3 * rounds);
        m.put(ROUND + ";" + P + "b", 5 * rounds);
        m.put(ROUND + ";" + P + "b;" + P + "c", 5 * rounds);
        String fact = ROUND;
        for (int depth = 1; depth <= 4; depth++) {
            fact += ";" + P + "fact";
            m.put(fact, rounds);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void theExactPathsWithTheirCallsAndSelfTimesThatAddUpToTheProfile(Path java) throws Exception {
        String name = "paths-" + jdk(java) + ".jfr";
        record(java, name, List.of("--call-tree"), "2");
        assertEquals(expectedCalls(2, true), collapsed(java, name, "--weight", "calls"));

        Map<String, Long> self = collapsed(java, name); // the default weight: self time in ns
        assertEquals(expectedCalls(2, true).keySet(), self.keySet());
        long selfSum = self.values().stream().mapToLong(Long::longValue).sum();
        JfrTraceRun csv = JfrTraceRun.run(work, java, List.of("stats", "--format", "csv", name));
        assertEquals(0, csv.exitCode(), csv::toString);
        long tottime = 0;
        int functions = 0;
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.stdout()))) {
            tottime += Math.round(Double.parseDouble(r.get("tottime")) * 1e9);
            functions++;
        }
        assertEquals(6, functions);
        // the same returns' times in ticks on both sides; each converted to ns once per flush and key (< 1 ns apart)
        assertEquals(tottime, selfSum, 2.0 * (functions + self.size()), "self times add up to the profile's tottime");
    }

    @Test
    void callsStillOpenWhenTheProgramEndsCountInTheirPaths() throws Exception {
        record(Jdks.current(), "exit.jfr", List.of("--call-tree"), "1", "0", "exit");
        Map<String, Long> expected = expectedCalls(1, true);
        expected.put(P + "main;" + P + "finish", 1L); // System.exit from there: main and finish closed at the end
        assertEquals(expected, collapsed(Jdks.current(), "exit.jfr", "--weight", "calls"));
    }

    @Test
    void withBuiltinsThePathsHoldEveryCallOfTheProfileAndADispatchedCallIsItsCallers() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-q", "--builtins", "--call-tree", "-o", "builtins.jfr", "--",
                "-cp", classes.toString(), "com.example.builtins.Dispatch");
        assertEquals(0, rec.exitCode(), rec::toString);
        Map<String, Long> paths = collapsed(Jdks.current(), "builtins.jfr", "--weight", "calls");
        JfrTraceRun stats = JfrTraceRun.run(work, "stats", "builtins.jfr");
        Matcher total = java.util.regex.Pattern.compile("(\\d+) function calls").matcher(stats.stdout());
        assertTrue(total.find(), stats::toString);
        assertEquals(Long.parseLong(total.group(1)), paths.values().stream().mapToLong(Long::longValue).sum(),
                "every call of the profile is on a path");
        String d = "com/example/builtins/Dispatch";
        // Comparator.compare through the interface landed in ByLength.compare: direct's own call, no built-in between
        assertEquals(99L, paths.get(d + ".main;" + d + ".direct;" + d + "$ByLength.compare"));
        assertTrue(paths.keySet().stream().noneMatch(k -> k.contains("'compare' of 'java.util.Comparator'")),
                paths::toString);
        // List.sort calls the program back: its built-in path stays, with compare below it
        assertEquals(1L, paths.get(d + ".main;<method 'sort' of 'java.util.List' objects>"));
    }

    @Test
    void aTinyBoundCountsWhatDoesNotFitInTheDeepestPathsTruncatedChild() throws Exception {
        record(Jdks.current(), "bound.jfr", List.of("--call-tree=3"), "1");
        Map<String, Long> expected = new TreeMap<>(Map.of(P + "main", 1L, ROUND, 1L, ROUND + ";" + P + "a", 3L,
                ROUND + ";" + P + "a;(truncated)", 3L, // a's c
                ROUND + ";(truncated)", 5L + 5 + 4)); // b, b's c, the four fact calls
        assertEquals(expected, collapsed(Jdks.current(), "bound.jfr", "--weight", "calls"));
        JfrTraceRun stats = JfrTraceRun.run(work, "stats", "bound.jfr"); // the call profile: all of c's calls
        String c = " +8 .* com/example/tree/TreePaths.java:\\d+\\(TreePaths.c\\)";
        assertTrue(stats.lines().stream().anyMatch(l -> l.matches(c)), stats::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void aKilledProgramKeepsThePathsFlushedAfterJfrDroppedTheOldChunks(Path java) throws Exception {
        int rounds = 40;
        String name = "killed-" + jdk(java) + ".jfr";
        Path dir = Files.createDirectories(work.resolve("killed-" + jdk(java)));
        Process p = JfrTraceRun.start(dir, java, List.of("record", "-q", "--call-tree", "-o", name, "--", "-cp",
                classes.toString(), "com.example.tree.TreePaths", Integer.toString(rounds), "1500", "wait"));
        ExitPathsIT.waitForOutput(dir.resolve(".stdout"), "ready");
        Thread.sleep(2500); // more than two flush periods (1 s) since the last round ran
        ProcessHandle jvm = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new AssertionError("no child JVM"));
        new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, JfrTraceRun.collect(p, dir).exitCode());
        Path recording = dir.resolve(name);

        // the test means something only if the paths' first tables and counts are gone with the old chunks
        int chunks = ChunkedRecording.open(recording).chunkCount();
        assertTrue(chunks > 1 && chunks < rounds, "JFR dropped the old chunks: " + chunks + " left");
        long countsLeft = 0;
        boolean firstTables = false;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jfrtrace.CallTreeCounts") && e.getInt("node") == 2) {
                countsLeft += e.getLong("callCount");
            }
            firstTables |= e.getEventType().getName().equals("jfrtrace.CallTreeNode") && e.getLong("flush") == 1;
        }
        assertTrue(countsLeft < rounds, "the counts left of main -> round sum to " + countsLeft);
        assertFalse(firstTables, "the first flush's tables are gone");

        Map<String, Long> paths = collapsed(java, recording.toString(), "--weight", "calls");
        Long ticks = paths.remove(P + "main;" + P + "tick");
        assertTrue(ticks != null && ticks > 0, () -> "the ticks flushed before the kill: " + paths);
        assertEquals(expectedCalls(rounds, false), paths, "main never returned: no call of its own");
    }

    @Test
    void theFlameGraphDrawsTheExactPathsInABrowser() throws Exception {
        Path chromium = FlameGraphChromiumIT.onPath("chromium");
        Assumptions.assumeTrue(chromium != null, "SKIPPED: no chromium on PATH: the flame graph is not drawn here");
        record(Jdks.current(), "flame.jfr", List.of("--call-tree"), "2");
        JfrTraceRun html = JfrTraceRun.run(work, "stats", "--format", "html", "--weight", "calls", "-o", "flame.html",
                "flame.jfr");
        assertEquals(0, html.exitCode(), html::toString);
        assertEquals("", html.stderr(), html::toString);
        String dom = FlameGraphChromiumIT.dumpDom(chromium, work.resolve("flame.html"), "", work);
        Map<String, List<Long>> frames = new HashMap<>();
        Matcher m = FlameGraphChromiumIT.FRAME.matcher(dom);
        while (m.find()) {
            frames.computeIfAbsent(m.group(7), k -> new ArrayList<>()).add(Long.parseLong(m.group(3)));
        }
        long all = expectedCalls(2, true).values().stream().mapToLong(Long::longValue).sum();
        assertEquals(List.of(all), frames.get("all"), dom);
        // c on two paths: its frames hold its calls under a and under b, each with what it called (nothing)
        assertEquals(List.of(5L * 2, 3L * 2), frames.get(P + "c").stream().sorted((a, b) -> Long.compare(b, a)).toList());
        // a frame is as wide as the calls through it: fact's outermost frame holds the four levels
        assertTrue(frames.get(P + "fact").contains(4L * 2), frames::toString);
        assertTrue(dom.contains(all + " calls on 10 call paths (exact: record --call-tree), weighed by calls"), "title");
    }

    @Test
    void compareDrawsTheExactPathsOfBothSides() throws Exception {
        record(Jdks.current(), "old.jfr", List.of("--call-tree"), "1");
        record(Jdks.current(), "new.jfr", List.of("--call-tree"), "3");
        JfrTraceRun diff = JfrTraceRun.run(work, "compare", "--format", "html", "--weight", "calls", "-o", "diff.html",
                "old.jfr", "new.jfr");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals("", diff.stderr(), "exact paths on both sides: no word about samples\n" + diff);
        String page = Files.readString(work.resolve("diff.html"));
        long oldCalls = expectedCalls(1, true).values().stream().mapToLong(Long::longValue).sum();
        long newCalls = expectedCalls(3, true).values().stream().mapToLong(Long::longValue).sum();
        assertTrue(page.contains("\"total\":" + newCalls + ",") && page.contains("\"oldTotal\":" + oldCalls + ","),
                () -> page.substring(page.indexOf("{\"title\""), page.indexOf("\"names\"")));
    }

    @Test
    void attachKeepsTheTreeOfItsWindow() throws Exception {
        Process service = new ProcessBuilder(Jdks.current().toString(), "-cp", classes.toString(),
                "com.example.service.CountingService").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            PrintWriter in = new PrintWriter(service.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            in.println(100);
            assertEquals("served 100", out.readLine()); // before the window
            Path dir = Files.createDirectories(work.resolve("attach"));
            JfrTraceRun start = JfrTraceRun.run(dir, "attach", "--call-tree", "-o", "window.jfr",
                    Long.toString(service.pid()));
            assertEquals(0, start.exitCode(), start::toString);
            in.println(77);
            assertEquals("served 77", out.readLine());
            JfrTraceRun stop = JfrTraceRun.run(dir, "attach", "--stop", Long.toString(service.pid()));
            assertEquals(0, stop.exitCode(), stop::toString);
            String s = "com/example/service/CountingService.";
            assertEquals(Map.of(s + "serve", 1L, s + "serve;" + s + "request", 77L,
                    s + "serve;" + s + "request;" + s + "handle", 77L, s + "serve;" + s + "request;" + s + "audit", 8L),
                    collapsed(Jdks.current(), dir.resolve("window.jfr").toString(), "--weight", "calls"));

            // a second window: the thread's tree is made anew for it, with this window's bound (2 paths)
            JfrTraceRun again = JfrTraceRun.run(dir, "attach", "--call-tree=2", "-o", "second.jfr",
                    Long.toString(service.pid()));
            assertEquals(0, again.exitCode(), again::toString);
            in.println(11);
            assertEquals("served 11", out.readLine());
            assertEquals(0, JfrTraceRun.run(dir, "attach", "--stop", Long.toString(service.pid())).exitCode());
            assertEquals(Map.of(s + "serve", 1L, s + "serve;" + s + "request", 11L,
                    s + "serve;" + s + "request;(truncated)", 11L + 2),
                    collapsed(Jdks.current(), dir.resolve("second.jfr").toString(), "--weight", "calls"));
        } finally {
            service.destroyForcibly();
        }
    }

    @Test
    void noCallProfileNoCallTree() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "--no-profile", "--call-tree", "-o", "never.jfr", "-cp",
                classes.toString(), "com.example.tree.TreePaths");
        assertEquals(2, rec.exitCode(), rec::toString);
        assertEquals("jfr-trace record: --call-tree keeps the call profile's paths, which --no-profile turns off "
                + "(see 'jfr-trace help record')\n", rec.stderr());
        assertFalse(Files.exists(work.resolve("never.jfr")));
    }

    @Test
    void withoutACallTreeTheFlameGraphIsTheSamplesAsBefore() throws Exception {
        record(Jdks.current(), "plain.jfr", List.of(), "1");
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "--format", "collapsed", "plain.jfr");
        // (a run of milliseconds may hold no sample: then that is the error after this line)
        assertTrue(st.stderr().startsWith("jfr-trace stats: the call paths are the JVM's CPU samples"), st::toString);
        JfrTraceRun weighed = JfrTraceRun.run(work, "stats", "--format", "collapsed", "--weight", "calls", "plain.jfr");
        assertEquals(2, weighed.exitCode(), weighed::toString);
        assertTrue(weighed.stderr().startsWith("jfr-trace stats: --weight weighs the exact call paths of record "
                + "--call-tree; these are samples"), weighed::toString);
    }
}
