package io.jfrtrace.analyzer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.jfrtrace.analyzer.testing.Python3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden test against CPython's own trace module: a Python program is run under {@code trace.Trace}; its counts and
 * executable lines go through our model and writers, for the Python source (compared with the .cover file and summary
 * {@code CoverageResults.write_results} writes) and for a Java source of the same line structure (compared with what
 * {@code write_results_file} writes for it). Byte for byte; in the summary, only the names differ.
 */
class TraceOracleTest {
    private static final String JAVA_FILE = "com/example/Prog.java";

    /** Runs prog.py under trace, writes CPython's reports, prints the summary, then the counts and executable lines. */
    private static final String ORACLE = String.join("\n",
            "import linecache, sys, trace",
            "missing = sys.argv[1] == '1'",
            "t = trace.Trace(count=1, trace=0)",
            "g = {'__name__': '__main__', '__file__': 'prog.py'}",
            "t.runctx(compile(open('prog.py').read(), 'prog.py', 'exec'), g, g)",
            "r = t.results()",
            "counts = {k[1]: v for k, v in r.counts.items() if k[0] == 'prog.py'}",
            "lnotab = trace._find_executable_linenos('prog.py')",
            "r.write_results(missing, summary=True, coverdir='py')",
            "r.write_results_file('Prog.java.cover', linecache.getlines('" + JAVA_FILE + "'),",
            "                     lnotab if missing else {}, counts, 'utf-8')",
            "print('@@counts ' + ' '.join('%d:%d' % kv for kv in sorted(counts.items())))",
            "print('@@lnotab ' + ' '.join(str(l) for l in sorted(lnotab)))");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "missing={0}")
    @ValueSource(booleans = {true, false})
    void coverFilesAndSummaryAreCPythons(boolean missing) throws Exception {
        copy("prog.py", dir.resolve("prog.py"));
        Files.createDirectories(dir.resolve("com/example"));
        copy("Prog.java", dir.resolve(JAVA_FILE));
        String out = Python3.run(dir, List.of("-c", ORACLE, missing ? "1" : "0"));
        String summary = out.substring(0, out.indexOf("@@counts "));

        CoverageResults python = new CoverageResults();
        CoverageResults java = new CoverageResults();
        for (String line : out.split("\n")) {
            if (line.startsWith("@@counts ")) {
                for (String kv : line.substring(9).split(" ")) {
                    String[] p = kv.split(":");
                    python.addCount("prog.py", Integer.parseInt(p[0]), Long.parseLong(p[1]));
                    java.addCount(JAVA_FILE, Integer.parseInt(p[0]), Long.parseLong(p[1]));
                }
            } else if (line.startsWith("@@lnotab ")) {
                int[] lines = Arrays.stream(line.substring(9).split(" ")).mapToInt(Integer::parseInt).toArray();
                python.addExecutable("prog.py", lines);
                java.addExecutable(JAVA_FILE, lines);
            }
        }

        CoverageSummary ours = new CoverageSummary();
        FileCoverage py = python.perFile().get(0);
        CoverText.Counted pyCounted = cover(py, dir.resolve("prog.py"), missing, dir.resolve("py/prog.cover"));
        ours.add(pyCounted, ModuleNames.fullmodname(py.file()), py.file());
        assertEquals(summary, ours.text());

        FileCoverage jv = java.perFile().get(0);
        CoverText.Counted javaCounted = cover(jv, dir.resolve(JAVA_FILE), missing, dir.resolve("Prog.java.cover"));
        CoverageSummary javaSummary = new CoverageSummary();
        javaSummary.add(javaCounted, ModuleNames.fullmodname(jv.file()), jv.file());
        assertEquals(summary.replace("prog   (prog.py)", "com.example.Prog   (" + JAVA_FILE + ")"), javaSummary.text());
    }

    /** Our .cover text of {@code source}, checked against CPython's file; returns its figures. */
    private static CoverText.Counted cover(FileCoverage fc, Path source, boolean missing, Path cpython) throws IOException {
        StringBuilder text = new StringBuilder();
        Set<Integer> lnotab = missing ? fc.executable() : Set.of();
        CoverText.Counted counted = CoverText.write(CoverText.lines(Files.readString(source)), lnotab, fc.hits(), text);
        assertEquals(Files.readString(cpython, StandardCharsets.UTF_8), text.toString(), "cover text of " + source);
        return counted;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = TraceOracleTest.class.getResourceAsStream("/trace/" + resource)) {
            Files.copy(in, to);
        }
    }
}
