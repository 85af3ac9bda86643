package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real recording, printed by jfr-trace and by CPython's own pstats from the .pstats file
 * jfr-trace dumped: the two outputs must be identical apart from the file line.
 */
class PstatsOracleIT {
    @TempDir
    static Path work;

    @BeforeAll
    static void record() throws Exception {
        Assumptions.assumeTrue(python3Present(), "python3 is needed as the oracle");
        Path classes = SamplePrograms.compiled();
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "--builtins", "-o", "streams.jfr", "-cp", classes.toString(), "com.example.Streams");
        assertEquals(0, rec.exitCode(), rec::toString);
    }

    static boolean python3Present() {
        try {
            return new ProcessBuilder("python3", "-c", "import pstats").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static String python(String script) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", script).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Drops the file line(s) at the top, which name different files (the .jfr vs the .pstats). */
    static String withoutFileLines(String out) {
        List<String> lines = out.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).isEmpty()) {
            start++;
        }
        return String.join("\n", lines.subList(start, lines.size()));
    }

    void assertSameAsPython(String pythonCalls, String... statsArgs) throws Exception {
        String[] args = new String[statsArgs.length + 4];
        args[0] = "stats";
        args[1] = "streams.jfr";
        args[2] = "--dump";
        args[3] = "streams.pstats";
        System.arraycopy(statsArgs, 0, args, 4, statsArgs.length);
        JfrTraceRun ours = JfrTraceRun.run(work, args);
        assertEquals(0, ours.exitCode(), ours::toString);
        String theirs = python("import pstats, sys\ns = pstats.Stats('streams.pstats', stream=sys.stdout)\n" + pythonCalls);
        assertEquals(withoutFileLines(theirs), withoutFileLines(ours.stdout()));
    }

    @Test
    void printStatsByCumulativeTimeMatchesCPython() throws Exception {
        assertSameAsPython("s.sort_stats('cumulative').print_stats()");
    }

    @Test
    void restrictedStripDirsByNameMatchesCPython() throws Exception {
        assertSameAsPython("s.strip_dirs().sort_stats('name', 'line').print_stats('lambda', 5)",
                "--strip-dirs", "-s", "name", "-s", "line", "-r", "lambda", "-r", "5");
    }

    @Test
    void callersAndCalleesMatchCPython() throws Exception {
        assertSameAsPython("s.sort_stats('tottime').print_callers(0.5)", "-s", "tottime", "--callers", "-r", "0.5");
        assertSameAsPython("s.sort_stats('calls').reverse_order().print_callees('Streams')", "-s", "calls", "--reverse", "--callees", "-r", "Streams");
    }
}
