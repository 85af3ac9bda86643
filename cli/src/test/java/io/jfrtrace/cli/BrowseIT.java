package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfr-trace browse} (the built jar, commands piped into its stdin) against {@code python3 -m pstats} with the
 * same commands: on the {@code .pstats} file {@code stats --dump} wrote, byte for byte; on the recording it came from,
 * the same apart from the file's name in the prompt and the file lines.
 */
class BrowseIT {
    static final Path RECORDINGS = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"))
            .toAbsolutePath().normalize();

    /** Every command, bad arguments, an unknown command, help, then the end of the input ({FILE}: the file browsed). */
    static final String SCRIPT = String.join("\n", "stats 8", "sort", "sort bogus", "sort tottime name", "stats 5",
            "callers 3", "callees Streams", "reverse", "stats 0.3", "strip", "stats", "sort cumulative",
            "stats [ 1.5 4", "read missing.pstats", "add missing.pstats", "add {FILE}", "stats 6", "read", "stats 3",
            "", "foo", "help", "help sort", "") ;

    @TempDir
    static Path work;

    @BeforeAll
    static void files() throws Exception {
        Assumptions.assumeTrue(PstatsOracleIT.python3Present(), "python3 is needed as the oracle");
        Files.copy(RECORDINGS.resolve("Streams.jfr"), work.resolve("streams.jfr"));
        JfrTraceRun dump = JfrTraceRun.run(work, "stats", "streams.jfr", "--dump", "streams.pstats");
        assertEquals(0, dump.exitCode(), dump::toString);
    }

    static JfrTraceRun browse(String stdin, String... args) throws Exception {
        Process p = JfrTraceRun.start(work, JfrTraceRun.javaOf(System.getProperty("java.home")),
                List.of(args).isEmpty() ? List.of("browse") : concat("browse", args));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browse did not end at the end of its input");
        return JfrTraceRun.collect(p, work);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    static String python(String stdin, String file) throws Exception {
        Process p = new ProcessBuilder("python3", "-m", "pstats", file).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The file lines ({@code time.ctime(mtime)    name}) of either file, and the recording's name in the prompt. */
    static String sameFile(String out) {
        return out.replaceAll("[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}    streams\\.(jfr|pstats)",
                "<file line>").replace("streams.jfr% ", "streams.pstats% ");
    }

    @Test
    void aPipedScriptPrintsWhatCPythonsBrowserPrintsOnThePstatsFileAndOnTheRecording() throws Exception {
        String theirs = python(SCRIPT.replace("{FILE}", "streams.pstats"), "streams.pstats");
        assertTrue(theirs.contains("Goodbye.") && theirs.contains("*** Unknown syntax: foo"), theirs);

        JfrTraceRun pstats = browse(SCRIPT.replace("{FILE}", "streams.pstats"), "streams.pstats");
        assertEquals(0, pstats.exitCode(), pstats::toString);
        assertEquals(theirs, pstats.stdout());
        assertEquals("", pstats.stderr());

        JfrTraceRun recording = browse(SCRIPT.replace("{FILE}", "streams.jfr"), "streams.jfr");
        assertEquals(0, recording.exitCode(), recording::toString);
        assertEquals(sameFile(theirs), sameFile(recording.stdout()));
        assertEquals("", recording.stderr());
    }

    @Test
    void aSampledProfileBrowsesAndDoesNotAddUpWithExactCalls() throws Exception {
        Files.copy(RECORDINGS.resolve("Threads.jfr"), work.resolve("threads.jfr"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JfrTraceRun run = browse("stats 1\nadd streams.pstats\nquit\n", "--profile", "cpu", "threads.jfr");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("Welcome to the profile statistics browser.\nthreads.jfr% "), run::toString);
        assertTrue(run.stdout().lines().anyMatch(l -> l.matches(" {9}\\d+ samples \\(jdk\\.ExecutionSample.*")),
                run::toString);
        assertTrue(run.stdout().endsWith("threads.jfr% Cannot add streams.pstats: a sampled profile and exact calls do "
                + "not add up\nthreads.jfr% Goodbye.\n"), run::toString);
    }

    @Test
    void withoutFilesAndWithoutInputItSaysGoodbye() throws Exception {
        JfrTraceRun run = browse("");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(python("", "nosuch.pstats").replace("No such file or directory\n", ""), run.stdout());
    }
}
