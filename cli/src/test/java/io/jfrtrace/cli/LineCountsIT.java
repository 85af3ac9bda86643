package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code record --lines} then {@code trace --report} on a real program (cli/src/test/programs/com/example/lines): exact
 * counts summed over threads, missing lines of a method never called and of a class loaded but never run, the summary,
 * several recordings adding up, and a recording without line counts refused.
 */
class LineCountsIT {
    private static final Path SOURCES = SamplePrograms.TEST_PROGRAMS;
    private static final String MAIN = "com.example.lines.LineCounts";

    @TempDir
    static Path work;
    static Path classes;
    static Path recording;

    @BeforeAll
    static void recordOnce() throws Exception {
        classes = SamplePrograms.compiled();
        JfrTraceRun rec = record("lines.jfr", "--lines");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stdout().contains("total "), rec::toString);
        recording = work.resolve("lines.jfr");
    }

    static JfrTraceRun record(String out, String... options) throws Exception {
        return record(Jdks.current(), out, options);
    }

    static JfrTraceRun record(Path java, String out, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "-o", out, "--include", "com.example.lines.*"));
        args.addAll(List.of(options));
        args.addAll(List.of("-cp", classes.toString(), MAIN));
        return JfrTraceRun.run(work, java, args);
    }

    static JfrTraceRun trace(String coverdir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("trace", "--report"));
        all.addAll(List.of(args));
        all.addAll(List.of("--missing", "--summary", "-C", coverdir, "--source-path", SOURCES.toString()));
        return JfrTraceRun.run(work, all.toArray(String[]::new));
    }

    /** The .cover line of the source line that ends with {@code // marker}. */
    static String coverLine(String coverdir, String cls, String marker) throws IOException {
        for (String l : Files.readAllLines(work.resolve(coverdir).resolve("com.example.lines." + cls + ".cover"),
                StandardCharsets.UTF_8)) {
            if (l.endsWith("// " + marker)) {
                return l;
            }
        }
        throw new AssertionError("no line // " + marker + " in the cover file of " + cls);
    }

    @Test
    void loopBodiesCountExactlyAndUnrunLinesAreMarked() throws Exception {
        JfrTraceRun tr = trace("cov", recording.toString());
        assertEquals(0, tr.exitCode(), tr::toString);
        // loop(5) on the worker thread, loop(37) on main: 42 executions, whichever thread ran them
        assertTrue(coverLine("cov", "LineCounts", "loop body").startsWith("   42:             total += square(i);"),
                () -> coverLine0("cov"));
        assertTrue(coverLine("cov", "LineCounts", "square").startsWith("   42: "), () -> coverLine0("cov"));
        assertTrue(coverLine("cov", "LineCounts", "never").startsWith(">>>>>>         int z = y + 1;"),
                () -> coverLine0("cov"));
        assertTrue(coverLine("cov", "Unused", "idle").startsWith(">>>>>> "), () -> coverLine0("cov"));
        List<String> out = tr.lines();
        assertEquals("lines   cov%   module   (path)", out.get(0), tr::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches(" +\\d+ +\\d+%   com\\.example\\.lines\\.LineCounts   \\("
                + java.util.regex.Pattern.quote(SOURCES.resolve("com/example/lines/LineCounts.java").toString()) + "\\)")),
                tr::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches(" +\\d+     0%   com\\.example\\.lines\\.Unused   \\(.*\\)")),
                tr::toString);
    }

    @Test
    void listfuncsAndTrackcallsListTheRecordedCallsAsCPythonDoes() throws Exception {
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "--report", recording.toString(), "--listfuncs", "--trackcalls");
        assertEquals(0, tr.exitCode(), tr::toString);
        String file = "com/example/lines/LineCounts.java";
        String f = "filename: " + file + ", modulename: LineCounts, funcname: LineCounts.";
        // the lambda runs on the worker thread, called from the JDK's Thread.run: a function without a caller
        assertEquals(String.join("\n", "", "functions called:", f + "lambda$main$0", f + "loop", f + "main", f + "square",
                "", "calling relationships:", "", "*** " + file + " ***",
                "    LineCounts.LineCounts.lambda$main$0 -> LineCounts.LineCounts.loop",
                "    LineCounts.LineCounts.loop -> LineCounts.LineCounts.square",
                "    LineCounts.LineCounts.main -> LineCounts.LineCounts.loop", ""), tr.stdout(), tr::toString);
        assertEquals("", tr.stderr(), tr::toString);
        assertTrue(Files.notExists(SOURCES.resolve("com/example/lines/LineCounts.cover")), "only the call lists were asked for");
    }

    @Test
    void listfuncsNeedsTheCallProfile() throws Exception {
        JfrTraceRun rec = record("lines-only.jfr", "--lines", "--no-profile");
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "--report", "lines-only.jfr", "-l", "-m", "-C", "cov-l");
        assertEquals(4, tr.exitCode(), tr::toString);
        assertEquals(1, tr.stderr().strip().lines().count(), tr::toString);
        assertTrue(tr.stderr().contains("no jfr-trace call-profile events"), tr::toString);
        assertTrue(Files.notExists(work.resolve("cov-l")), "nothing is written when a recording lacks data asked for");
    }

    /** The one-step form on com.example.lines.Ending, ending as {@code ending} says, reporting into {@code coverdir}. */
    static JfrTraceRun traceRun(Map<String, String> env, String coverdir, String... ending) throws Exception {
        List<String> args = new ArrayList<>(List.of("trace", "-c", "-m", "-s", "-C", coverdir, "--source-path",
                SOURCES.toString(), "--", "-cp", classes.toString(), "com.example.lines.Ending"));
        args.addAll(List.of(ending));
        return JfrTraceRun.run(work, Jdks.current(), env, args);
    }

    @Test
    void theOneStepFormRunsTheProgramThenReportsAndLeavesNoTemporaryFile() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        JfrTraceRun tr = traceRun(Map.of("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=" + tmp), "cov-run", "none");
        assertEquals(0, tr.exitCode(), tr::toString);
        List<String> out = tr.lines();
        assertEquals("sum 45", out.get(0), tr::toString); // the program's own output first, as python -m trace
        assertEquals("lines   cov%   module   (path)", out.get(1), tr::toString);
        assertTrue(out.get(2).matches(" +\\d+ +\\d+%   com\\.example\\.lines\\.Ending   \\(.*Ending\\.java\\)"), tr::toString);
        assertTrue(coverLine("cov-run", "Ending", "work body").startsWith("   10: "), () -> cover("cov-run", "Ending"));
        assertTrue(coverLine("cov-run", "Ending", "throws").startsWith(">>>>>> "), () -> cover("cov-run", "Ending"));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the temporary recording and run folder are gone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"exit 3,3", "throw,1", "halt 7,7"})
    void theOneStepFormExitsWithTheProgramsStatusAndReportsWhatWasRecorded(String ending, int status) throws Exception {
        String dir = "cov-" + ending.replace(' ', '-');
        JfrTraceRun tr = traceRun(Map.of(), dir, ending.split(" "));
        assertEquals(status, tr.exitCode(), tr::toString);
        // after System.exit, an uncaught exception, or Runtime.halt (the recording recovered up to its last flush)
        assertTrue(coverLine(dir, "Ending", "work body").startsWith("   10: "), () -> cover(dir, "Ending"));
        assertTrue(tr.lines().contains("lines   cov%   module   (path)"), tr::toString);
    }

    @Test
    void theOneStepFormKeepsItsRecordingWhenAsked() throws Exception {
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "-l", "--recording", "kept.jfr", "--", "-cp", classes.toString(),
                "com.example.lines.Ending", "none");
        assertEquals(0, tr.exitCode(), tr::toString);
        assertTrue(tr.stdout().contains("\nfunctions called:\nfilename: com/example/lines/Ending.java, modulename: Ending, "
                + "funcname: Ending.main\n"), tr::toString);
        JfrTraceRun again = JfrTraceRun.run(work, "trace", "--report", "kept.jfr", "-l");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(tr.stdout().endsWith(again.stdout()), again::toString);
    }

    @Test
    void lcovAndCsvCarryEveryExecutableLineAndTheFiltersLeaveFilesOut() throws Exception {
        String src = SOURCES.resolve("com/example/lines/LineCounts.java").toString();
        JfrTraceRun lcov = JfrTraceRun.run(work, "trace", "--report", recording.toString(), "--format", "lcov", "-o",
                "lines.info", "--ignore-module", "com.example.lines.Unused", "--source-path", SOURCES.toString());
        assertEquals(0, lcov.exitCode(), lcov::toString);
        String info = Files.readString(work.resolve("lines.info"));
        assertTrue(info.startsWith("TN:\nSF:" + src + "\n"), info);
        assertTrue(info.contains("\nDA:19,42\nDA:21,2\n"), info); // the loop body, then the return after it
        assertTrue(info.contains("\nDA:12,0\n") && info.endsWith("\nLF:14\nLH:11\nend_of_record\n"), info);
        assertTrue(!info.contains("Unused"), info);

        JfrTraceRun csv = JfrTraceRun.run(work, "trace", "--report", recording.toString(), "--format", "csv",
                "--exclude", "*.Unused", "--source-path", SOURCES.toString());
        assertEquals(0, csv.exitCode(), csv::toString);
        assertEquals("file,line,count", csv.lines().get(0), csv::toString);
        assertTrue(csv.lines().contains(src + ",19,42") && csv.lines().contains(src + ",12,0"), csv::toString);
        assertEquals(15, csv.lines().size(), csv::toString);

        JfrTraceRun ignored = JfrTraceRun.run(work, "trace", "--report", recording.toString(), "-s", "-C", "cov-ign",
                "--ignore-dir", SOURCES.resolve("com/example").toString(), "--source-path", SOURCES.toString());
        assertEquals(0, ignored.exitCode(), ignored::toString);
        assertEquals("", ignored.stdout(), ignored::toString);
        try (var covers = Files.list(work.resolve("cov-ign"))) {
            assertEquals(0, covers.count());
        }
    }

    @ParameterizedTest
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void linesWithoutCallProfilingCountTheSameOnEachJdk(Path java) throws Exception {
        String name = "noprofile-" + java.getParent().getParent().getFileName();
        JfrTraceRun rec = record(java, name + ".jfr", "--lines", "--no-profile");
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun tr = trace(name, name + ".jfr");
        assertEquals(0, tr.exitCode(), tr::toString);
        assertTrue(coverLine(name, "LineCounts", "loop body").startsWith("   42: "), () -> coverLine0(name));
        assertTrue(coverLine(name, "LineCounts", "never").startsWith(">>>>>> "), () -> coverLine0(name));
    }

    /**
     * Two threads in the same classes at once (record's per-class line holder changes hands all the time), through an
     * interface's default method, a record, an enum and nestmates: every count exact, on each JDK; on 25 compiled for
     * 25 too (the newest class-file version the weaver meets).
     */
    @ParameterizedTest
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void twoThreadsInTheSameClassesAtOnceCountExactlyOnEachJdk(Path java) throws Exception {
        String name = "racing-" + java.getParent().getParent().getFileName();
        Path cp = classes;
        if (java.equals(Jdks.JAVA25)) {
            cp = Files.createDirectories(work.resolve(name + "-classes"));
            Process javac = new ProcessBuilder(Jdks.TEMURIN_25.resolve("bin/javac").toString(), "-g", "--release", "25",
                    "-d", cp.toString(), SOURCES.resolve("com/example/lines/Racing.java").toString())
                    .redirectErrorStream(true).start();
            String out = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, javac.waitFor(), out);
        }
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-o", name + ".jfr", "--lines", "--no-profile",
                "--include", "com.example.lines.*", "-cp", cp.toString(), "com.example.lines.Racing"));
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stdout().startsWith("sums "), rec::toString);
        assertFalse(rec.stderr().contains("uninstrumented"), rec::toString);
        JfrTraceRun tr = trace(name, name + ".jfr");
        assertEquals(0, tr.exitCode(), tr::toString);
        for (String marker : List.of("loop body", "step", "shape default", "record sum", "enum apply", "private hit",
                "inner poke")) {
            String line = coverLine(name, "Racing", marker);
            assertTrue(line.startsWith("2000000: "), () -> marker + ": " + line + "\n" + tr);
        }
    }

    @Test
    void severalRecordingsAddUp() throws Exception {
        JfrTraceRun tr = trace("cov2", recording.toString(), recording.toString());
        assertEquals(0, tr.exitCode(), tr::toString);
        assertTrue(coverLine("cov2", "LineCounts", "loop body").startsWith("   84: "), () -> coverLine0("cov2"));
    }

    @Test
    void aRecordingWithoutLineCountsIsOneLineAndExit4() throws Exception {
        JfrTraceRun rec = record("plain.jfr");
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun tr = trace("cov-plain", "plain.jfr");
        assertEquals(4, tr.exitCode(), tr::toString);
        assertEquals(1, tr.stderr().strip().lines().count(), tr::toString);
        assertTrue(tr.stderr().contains("no jfr-trace line counts"), tr::toString);
    }

    @Test
    void aSourceShorterThanTheRecordedLinesIsExit3() throws Exception {
        Path src = Files.createDirectories(work.resolve("short-src/com/example/lines"));
        Files.writeString(src.resolve("LineCounts.java"), "package com.example.lines;\n");
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "--report", recording.toString(), "-C", "cov-short",
                "--source-path", work.resolve("short-src").toString());
        assertEquals(3, tr.exitCode(), tr::toString);
        assertEquals(1, tr.stderr().strip().lines().count(), tr::toString);
        assertTrue(tr.stderr().contains("does not match the recorded class"), tr::toString);
    }

    @Test
    void aCoverFolderThatCannotBeMadeIsExit5() throws Exception {
        Files.writeString(work.resolve("a-file"), "x");
        JfrTraceRun tr = trace("a-file", recording.toString());
        assertEquals(5, tr.exitCode(), tr::toString);
        assertEquals(1, tr.stderr().strip().lines().count(), tr::toString);
        assertEquals("jfr-trace trace: cannot create a-file: it exists and is not a folder", tr.stderr().strip(), tr::toString);
    }

    private static String cover(String coverdir, String cls) {
        try {
            return Files.readString(work.resolve(coverdir).resolve("com.example.lines." + cls + ".cover"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String coverLine0(String coverdir) {
        try {
            return Files.readString(work.resolve(coverdir).resolve("com.example.lines.LineCounts.cover"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
