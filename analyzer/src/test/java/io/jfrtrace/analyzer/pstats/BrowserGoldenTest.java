package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.pstats.browser.LineSource;
import io.jfrtrace.analyzer.pstats.browser.ProfileBrowser;
import io.jfrtrace.analyzer.testing.Python3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The browser of {@code python -m pstats FILE...}: the same command script piped into CPython's and into
 * {@link ProfileBrowser} on the same {@code .pstats} files must print byte-identical text (prompts, file lines,
 * messages and all).
 */
class BrowserGoldenTest {
    @TempDir
    static Path dir;
    static String a;
    static String b;

    @BeforeAll
    static void files() throws Exception {
        Python3.assumeAvailable();
        a = dir.resolve("a.pstats").toString();
        Stats.fromTable(Fixtures.table(), List.of()).dump(Path.of(a));
        b = dir.resolve("b.pstats").toString();
        Stats.fromTable(new ProfileTable()
                .addFunction(Fixtures.MAIN, 2, 0, 7_000_000, 9_000_000)
                .addFunction(new FunctionKey("/new/b.py", 1, "only_b"), 1, 0, 3_000_000, 3_000_000)
                .addCall(Fixtures.MAIN, new FunctionKey("/new/b.py", 1, "only_b"), 1, 0, 3_000_000, 3_000_000),
                List.of()).dump(Path.of(b));
        Files.createDirectory(dir.resolve("folder"));
    }

    /** Scripts over {@code a.pstats} ({A}, {B}: the files' paths, {DIR}: a directory). */
    static final String[] SCRIPTS = {
            // every command, with good and bad arguments; ends at the end of the input
            "stats 5\nsort\nsort bogus\nsort time name\nstats 3\ncallers 2\ncallees fact\nreverse\nstats 0.25\n"
                    + "strip\nstats\nsort cumulative\nstats [invalid 1.5 -1 nan\nstats 2.5 inf -0.5 1e-1\n"
                    + "read missing.pstats\nadd missing.pstats\nadd {B}\nstats 4\nread\nstats\nhelp\nhelp sort\n",
            // unknown commands, help topics, "?", "!", empty lines repeating the last command
            "foo bar\n!ls\n\n123\n\n?\n?stats\nhelp nosuch\nhelp sort keys\nhelp help\nhelp EOF\nhelp quit\nhelp read\n"
                    + "help add\nhelp callers\nhelp callees\nhelp reverse\nhelp strip\nstats3\nstats.1\n\n   \nquit\n",
            // every sort key word, abbreviations, and legacy numbers (not keys here)
            "sort calls\nstats 2\nsort cu\nstats 2\nsort nfl stdname\nstats\nsort c\nsort 1\nsort time 2\nsort\tpcalls  line\n"
                    + "callers 0.3 fact\ncallees (\nEOF\n",
            // read and add: directories, an empty name, the same file again, reload, typed EOF with an argument
            "read {DIR}\nadd {DIR}\nread {A}/x\nadd {A}/x\nadd\nadd {A}\nstats 3\nread {B}\nstats\nread\ncallees\nread {A}\nsort time\nstats 2\n"
                    + "EOF now\nstats\n",
            // Windows line ends, leading spaces, no line end at the end
            "  sort  time \r\n\tstats 2\r\ncallers\t1\r\nreverse\r\nstats 1",
    };

    @TestFactory
    Stream<DynamicTest> aScriptPipedIntoTheBrowserPrintsWhatCPythonPrints() {
        return Stream.of(SCRIPTS).map(s -> DynamicTest.dynamicTest(s.replace("\n", "; "),
                () -> assertSame(List.of("{A}"), s)));
    }

    @TestFactory
    Stream<DynamicTest> theFilesOnTheCommandLineAreReadThenAdded() {
        return Stream.of(List.<String>of(), List.of("missing.pstats"), List.of("{A}", "{B}"), List.of("{A}", "nofile"),
                        List.of("{DIR}", "{A}"))
                .map(files -> DynamicTest.dynamicTest("files " + files,
                        () -> assertSame(files, "stats 2\nread\nsort\nreverse\nstrip\nadd {B}\ncallers\ncallees\nstats\n")));
    }

    @Test
    void aFileThatIsNoProfileIsOneLineAndTheBrowserGoesOn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pstats"), "hello\n");
        String out = ours(List.of(a), "read " + bad + "\nadd " + bad + "\nquit\n");
        String prompt = a + "% ";
        assertEquals("Welcome to the profile statistics browser.\n"
                + prompt + "bad marshal data (unsupported type code 0x68 at offset 0)\n"
                + prompt + "Failed to load statistics for " + bad + ": bad marshal data (unsupported type code 0x68 at "
                + "offset 0)\n"
                + prompt + "Goodbye.\n", out);
    }

    static String expand(String s) {
        return s.replace("{A}", a).replace("{B}", b).replace("{DIR}", dir.resolve("folder").toString());
    }

    static void assertSame(List<String> files, String script) throws Exception {
        List<String> names = files.stream().map(BrowserGoldenTest::expand).toList();
        List<String> args = new ArrayList<>(List.of("-m", "pstats"));
        args.addAll(names);
        String theirs = Python3.run(dir, args, expand(script));
        assertEquals(theirs, ours(names, expand(script)));
    }

    static String ours(List<String> files, String script) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ProfileBrowser.run(files, (path, name) -> Stats.load(path, name),
                LineSource.of(new BufferedReader(new StringReader(script)), out), out);
        return text.toString();
    }
}
