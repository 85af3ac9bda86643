package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trace --trace} on real programs (cli/src/test/programs/com/example/livetrace). The golden test runs CPython's
 * own {@code python3 -m trace --trace} on live.py and ours on Live.java, which has the same line structure (the
 * statements of Python's module level are static initialisers on the same lines, so {@code <module>} is
 * {@code <clinit>}); CPython's text, with the names mapped and each line's text taken by CPython's linecache from the
 * Java source, must equal ours byte for byte. Gone's source is not on the source path, as gone.py is compiled from a
 * string: its lines run on without a line end in both. Then two threads tracing at once, on each JDK: every line whole.
 */
class LiveTraceIT {
    private static final String PKG = "com/example/livetrace/";
    private static final Path PROGRAMS = SamplePrograms.TEST_PROGRAMS.resolve(PKG);

    /** CPython's -m trace --trace on live.py, rewritten to the Java names (the oracle's side of the comparison). */
    private static final String ORACLE = String.join("\n",
            "import linecache, re, subprocess, sys",
            "cmd = [sys.executable, '-m', 'trace', '--trace'] + sys.argv[1:] + ['live.py']",
            "s = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout",
            "JAVA = {'live': '" + PKG + "Live.java', 'gone': '" + PKG + "Gone.java'}",
            "EVENT = re.compile(r' --- modulename: (?P<mod>\\w+), funcname: (?P<fn>\\S+)\\n'",
            "                   r'|(?P<t>\\d+\\.\\d\\d )?(?P<file>live|gone)\\.py\\((?P<n>\\d+)\\): ')",
            "out, i = [], 0",
            "while i < len(s):",
            "    m = EVENT.match(s, i)",
            "    if m is None:",
            "        j = s.find('\\n', i) + 1 or len(s)",
            "        out.append(s[i:j]); i = j",
            "    elif m['mod']:",
            "        fn = '<clinit>' if m['fn'] == '<module>' else m['fn']",
            "        out.append(' --- modulename: %s, funcname: %s\\n' % (m['mod'].capitalize(), fn)); i = m.end()",
            "    else:",
            "        n = int(m['n']); text = linecache.getline(m['file'] + '.py', n)",
            "        assert s.startswith(text, m.end()), (s[m.end():m.end() + 80], text)",
            "        java = JAVA[m['file']]",
            "        out.append((m['t'] or '') + '%s(%d): %s' % (java.rsplit('/', 1)[1], n, linecache.getline(java, n)))",
            "        i = m.end() + len(text)",
            "sys.stdout.write(''.join(out))");

    /** The -g prefix, CPython's {@code '%.2f ' % seconds}, before a line of a traced file. */
    private static final Pattern PREFIX = Pattern.compile("\\d+\\.\\d\\d (?=\\w+\\.java\\(\\d+\\): )");

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @ParameterizedTest(name = "timing={0}")
    @ValueSource(booleans = {false, true})
    void theTraceIsCPythonsApartFromTheNames(boolean timing) throws Exception {
        Assumptions.assumeTrue(PstatsOracleIT.python3Present(), "python3 is needed as the oracle");
        Path dir = Files.createDirectories(work.resolve("golden-" + timing));
        Files.copy(PROGRAMS.resolve("live.py"), dir.resolve("live.py"));
        Files.createDirectories(dir.resolve(PKG));
        Files.copy(PROGRAMS.resolve("Live.java"), dir.resolve(PKG + "Live.java")); // Gone.java is left out
        String cpython = python(dir, timing ? List.of("-g") : List.of());

        List<String> args = new ArrayList<>(List.of("trace", "--trace"));
        if (timing) {
            args.add("-g");
        }
        args.addAll(List.of("--source-path", dir.toString(), "--", "-cp", classes.toString(), "com.example.livetrace.Live"));
        JfrTraceRun ours = JfrTraceRun.run(dir, Jdks.current(), args);
        assertEquals(0, ours.exitCode(), ours::toString);

        String runOn = timing ? "Gone.java(2): T Gone.java(3): T Live.java(13): " : "Gone.java(2): Gone.java(3): Live.java(13): ";
        assertTrue(withoutTimes(cpython).contains(runOn), cpython); // the oracle's own shape: no source, no line end
        int events = count(Pattern.compile("\\w+\\.java\\(\\d+\\): "), cpython);
        assertEquals(timing ? events : 0, count(PREFIX, cpython), cpython);
        assertEquals(timing ? events : 0, count(PREFIX, ours.stdout()), ours::toString);
        assertEquals(withoutTimes(cpython), withoutTimes(ours.stdout()));
    }

    @ParameterizedTest
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void twoThreadsTracingAtOncePrintEveryLineWhole(Path java) throws Exception {
        JfrTraceRun tr = JfrTraceRun.run(work, java, List.of("trace", "--trace", "-g", "--source-path",
                SamplePrograms.TEST_PROGRAMS.toString(), "--", "-cp", classes.toString(), "com.example.livetrace.Threads"));
        assertEquals(0, tr.exitCode(), tr::toString);
        List<String> source = Files.readAllLines(PROGRAMS.resolve("Threads.java"), StandardCharsets.UTF_8);
        Pattern event = Pattern.compile("\\d+\\.\\d\\d Threads\\.java\\((\\d+)\\): (.*)");
        Pattern call = Pattern.compile(" --- modulename: Threads, funcname: (main|work|lambda\\$main\\$[01])");
        Pattern own = Pattern.compile("worker [ab] at (0|100|200) of 300");
        int[] perLine = new int[source.size() + 1];
        for (String line : tr.lines()) {
            Matcher m = event.matcher(line);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                assertEquals(source.get(n - 1), m.group(2), () -> "a torn or wrong line: " + line);
                perLine[n]++;
            } else {
                assertTrue(call.matcher(line).matches() || own.matcher(line).matches(), () -> "a torn line: " + line);
            }
        }
        int longLine = 1 + source.indexOf(source.stream().filter(l -> l.contains("// a line longer")).findFirst().orElseThrow());
        assertEquals(600, perLine[longLine], tr::toString); // 300 iterations on each thread, none lost
        assertEquals(6, tr.lines().stream().filter(l -> own.matcher(l).matches()).count(), tr::toString);
    }

    @Test
    void withCountAndTrackcallsTheTraceComesFirstThenTheReportOfTheSameRun() throws Exception {
        // CPython accepts -t with -c (it traces and counts) and with -T (where its -T replaces the trace); both here
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "-t", "-c", "-s", "-T", "-C", "cov-tc", "--source-path",
                SamplePrograms.TEST_PROGRAMS.toString(), "--", "-cp", classes.toString(), "com.example.livetrace.Live");
        assertEquals(0, tr.exitCode(), tr::toString);
        String out = tr.stdout();
        assertTrue(out.startsWith(" --- modulename: Live, funcname: <clinit>\nLive.java(1): "), tr::toString);
        int report = out.indexOf("\ncalling relationships:\n");
        assertTrue(report > out.indexOf("Live.java(15):         return;\n"), tr::toString);
        assertTrue(out.indexOf("lines   cov%   module   (path)\n") > report, tr::toString);
        assertTrue(out.contains("    Live.Live.main -> Gone.Gone.twice\n"), tr::toString);
        // the loop header as often in the trace as in the counts: 5
        assertEquals(5, count(Pattern.compile("Live\\.java\\(7\\): "), out), tr::toString);
        assertTrue(Files.readAllLines(work.resolve("cov-tc/com.example.livetrace.Live.cover")).get(6).startsWith("    5: "),
                tr::toString);
    }

    @Test
    void theTracersOwnPrintsThroughTheProgramsTracedStreamAreNotTracedAgain() throws Exception {
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "--trace", "--source-path", SamplePrograms.TEST_PROGRAMS.toString(),
                "--", "-cp", classes.toString(), "com.example.livetrace.OwnStream");
        assertEquals(0, tr.exitCode(), tr::toString);
        // the program's own print through Stamped is traced once; the tracer's lines printed through it are not
        assertEquals(List.of(" --- modulename: OwnStream, funcname: main",
                "OwnStream.java(21):         System.setOut(new Stamped());",
                " --- modulename: OwnStream, funcname: <init>",
                "OwnStream.java(11):             super(new FileOutputStream(FileDescriptor.out), true);",
                "OwnStream.java(12):         }",
                "OwnStream.java(22):         System.out.print(\"own\\n\");",
                " --- modulename: OwnStream, funcname: print",
                "OwnStream.java(16):             super.print(s);",
                "own",
                "OwnStream.java(17):         }",
                "OwnStream.java(23):     }"), tr.lines(), tr::toString);
    }

    private static String python(Path dir, List<String> traceArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", ORACLE));
        cmd.addAll(traceArgs);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String withoutTimes(String s) {
        return PREFIX.matcher(s).replaceAll("T ");
    }

    private static int count(Pattern p, String s) {
        return (int) p.matcher(s).results().count();
    }
}
