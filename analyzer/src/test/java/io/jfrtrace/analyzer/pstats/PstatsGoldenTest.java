package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.MarshalWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests: the same operations on Java {@link Stats} and on CPython's {@code pstats.Stats} loaded from the
 * {@code .pstats} file our {@link MarshalWriter} wrote must print byte-identical text (file lines included).
 */
class PstatsGoldenTest {
    static final String PY_PRELUDE = "import pstats, sys\ns = pstats.Stats(*sys.argv[1:], stream=sys.stdout)\n";
    static final Instant MTIME = Instant.parse("2026-01-05T09:07:03Z");

    @TempDir
    static Path dir;

    @BeforeAll
    static void python() {
        PythonOracle.assumeAvailable();
    }

    /** Dumps {@code s}, stamps the file, returns a fresh Java Stats (same dict) naming that file. */
    static Stats dumped(Supplier<Stats> s, String fileName, Instant mtime) throws Exception {
        Path p = dir.resolve(fileName);
        Stats built = s.get();
        built.dump(p);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
        return Stats.of(built.stats(), List.of(new SourceFile(p.toString(), mtime)));
    }

    static void assertSame(Supplier<Stats> fixture, String script) throws Exception {
        String file = "f" + Integer.toHexString(script.hashCode()) + ".pstats";
        Stats java = dumped(fixture, file, MTIME);
        String expected = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(script), dir.resolve(file).toString());
        assertEquals(expected, Scenario.java(java, script), script);
    }

    static Stats tableStats() {
        return Stats.fromTable(Fixtures.table(), List.of());
    }

    static Stats exactStats() {
        return Stats.of(Fixtures.exact(), List.of());
    }

    static final String[] SCRIPTS = {
            "stats",
            // every canonical sort key, legacy ints, multi-key tie breaks
            "sort calls; stats", "sort ncalls; stats", "sort cumulative; stats", "sort cumtime; stats",
            "sort filename; stats", "sort module; stats", "sort line; stats", "sort name; stats", "sort nfl; stats",
            "sort pcalls; stats", "sort stdname; stats", "sort time; stats", "sort tottime; stats",
            "sort cu; stats", "sort ca; stats", "sort nf; stats", "sort p; stats", "sort s; stats", "sort ti; stats",
            "sort to; stats", "sort f; stats", "sort mo; stats", "sort l; stats", "sort na; stats",
            "sort -1; stats", "sort 0; stats", "sort 1; stats", "sort 2; stats",
            "sort line name; stats", "sort file line; stats", "sort calls time name; stats", "sort name file; stats",
            "sort pcalls stdname; stats", "sort time time; stats", "sort time; sort; stats",
            // restrictions: int, fraction, regex, invalid regex, nothing left, ignored ones
            "sort time; stats 3", "sort time; stats -3", "sort time; stats 100", "sort time; stats 0",
            "sort stdname; stats 0.5", "sort stdname; stats .25", "sort stdname; stats 1e-1", "stats 2.5",
            "stats 1.0", "stats 0.0", "stats fact", "stats nomatch", "stats [invalid", "stats fact 1",
            "sort cumulative; stats \\.py:\\d+\\( 0.5 2", "stats (?P<n>rec)\\.py.*(?P=n)?", "stats ^{", "stats e$",
            "stats (?i)FACT", "stats x{,3}z?", "stats \\Z", "stats a** fact", "stats *", "stats \\u00fc",
            "stats [^a-z/] 3", "stats []]", "stats 'q\"", "stats 1_0", "stats 0.5_0", "stats inf", "stats nan",
            // strip_dirs with collisions, sort discarded, width recomputed
            "strip; stats", "strip; sort cumulative; stats", "sort time; strip; stats", "strip; sort stdname; callers",
            "strip; callees", "strip; sort nfl; callers fact; callees fact",
            // reverse
            "sort calls; reverse; stats", "reverse; stats", "sort stdname; reverse; stats 4; reverse; stats 4",
            // callers / callees, with and without restrictions
            "callers", "callees", "sort stdname; callers", "sort stdname; callees", "callers fact", "callees 2",
            "sort time; callees put", "callers nomatch", "callers 0", "sort pcalls; callees 0.3 [invalid",
            "calc; strip; callees", "sort stdname; stats; callers; callees",
    };

    @TestFactory
    Stream<DynamicTest> tableFixtureMatchesCPython() {
        return Stream.of(SCRIPTS).map(s -> DynamicTest.dynamicTest("table: " + s,
                () -> assertSame(PstatsGoldenTest::tableStats, s)));
    }

    @TestFactory
    Stream<DynamicTest> exactTieFixtureMatchesCPython() {
        return Stream.of("stats", "sort time; stats", "sort cumulative; stats", "sort calls; stats",
                        "sort pcalls; stats", "sort time; reverse; stats", "sort file; callers", "callees",
                        "sort name; stats 0.4", "callers 1")
                .map(s -> DynamicTest.dynamicTest("exact: " + s, () -> assertSame(PstatsGoldenTest::exactStats, s)));
    }

    /** {@code Stats(a, b, c)} = load a, then add c, then b; files in that order; totals added; keys merged. */
    @Test
    void addProcessesArgumentsInReverseOrderLikeCPython() throws Exception {
        Stats a = dumped(PstatsGoldenTest::tableStats, "add_a.pstats", Instant.parse("2026-03-01T00:00:00Z"));
        Stats b = dumped(() -> Stats.fromTable(new ProfileTable()
                        .addFunction(Fixtures.MAIN, 2, 0, 7, 9)
                        .addFunction(new FunctionKey("/new/b.py", 1, "only_b"), 1, 0, 3, 3)
                        .addCall(Fixtures.MAIN, new FunctionKey("/new/b.py", 1, "only_b"), 1, 0, 3, 3),
                        List.of()),
                "add_b.pstats", Instant.parse("2026-03-02T10:11:12Z"));
        Stats c = dumped(() -> Stats.fromTable(new ProfileTable()
                        .addFunction(new FunctionKey("/new/c.py", 9, "only_c"), 4, 1, 62_500_000, 62_500_000)
                        .addFunction(Fixtures.FACT, 1, 0, 1, 1)
                        .addFunction(Fixtures.MAIN, 1, 0, 1, 1)
                        .addCall(Fixtures.MAIN, Fixtures.FACT, 1, 0, 1, 1),
                        List.of()),
                "add_c.pstats", Instant.parse("2026-12-24T23:59:59Z"));
        String[] scripts = {"stats", "sort stdname; stats; callers; callees", "strip; sort time; stats"};
        for (String script : scripts) {
            Stats merged = Stats.of(a.stats(), a.files()).add(
                    Stats.of(b.stats(), b.files()), Stats.of(c.stats(), c.files()));
            String expected = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(script),
                    dir.resolve("add_a.pstats").toString(), dir.resolve("add_b.pstats").toString(),
                    dir.resolve("add_c.pstats").toString());
            assertEquals(expected, Scenario.java(merged, script), script);

            // the same through files we read back with our own reader, added one at a time
            Stats seq = Stats.load(dir.resolve("add_a.pstats"));
            seq.add(Stats.load(dir.resolve("add_b.pstats")));
            seq.add(Stats.load(dir.resolve("add_c.pstats")), Stats.load(dir.resolve("add_b.pstats")));
            String pySeq = "import pstats, sys\ns = pstats.Stats(sys.argv[1], stream=sys.stdout)\n"
                    + "s.add(sys.argv[2])\ns.add(sys.argv[3], sys.argv[2])\n" + Scenario.python(script);
            String expectedSeq = PythonOracle.run(dir, pySeq, dir.resolve("add_a.pstats").toString(),
                    dir.resolve("add_b.pstats").toString(), dir.resolve("add_c.pstats").toString());
            assertEquals(expectedSeq, Scenario.java(seq, script), "sequential: " + script);
        }
    }

    /** A file written by real cProfile (FLAG_REF, back-references) loads and prints exactly as pstats prints it. */
    @Test
    void realCProfileOutputLoadsAndPrintsIdentically() throws Exception {
        Path script = dir.resolve("prog.py");
        Files.writeString(script, String.join("\n",
                "import collections",
                "def fact(n):",
                "    return 1 if n <= 1 else n * fact(n - 1)",
                "def fib(n):",
                "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
                "def gen():",
                "    for i in range(3):",
                "        yield i",
                "class K:",
                "    def m(self, x):",
                "        return sorted([x, 1, 2])",
                "def main():",
                "    d = {}",
                "    for i in range(30):",
                "        d[i] = fact(i % 12)",
                "    fib(15)",
                "    sum(x for x in gen())",
                "    k = K()",
                "    for i in range(50):",
                "        k.m(i)",
                "    collections.OrderedDict(a=1)",
                "    len(d)",
                "main()",
                ""));
        PythonOracle.run(dir, "import sys, cProfile; sys.argv = ['cProfile', '-o', 'prog.prof', 'prog.py']; cProfile.main()");
        Path prof = dir.resolve("prog.prof");
        String[] scripts = {"stats", "sort cumulative; stats", "sort time name; stats 10", "strip; sort 2; stats",
                "sort stdname; callers; callees", "strip; sort nfl; callers fact|fib; callees 0.5",
                "sort pcalls; reverse; stats prog"};
        for (String s : scripts) {
            String expected = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(s), prof.toString());
            assertEquals(expected, Scenario.java(Stats.load(prof), s), s);
        }
        // and our re-dump of it is read by CPython as an equal dict in the same order
        Stats loaded = Stats.load(prof);
        Path again = dir.resolve("again.prof");
        loaded.dump(again);
        String eq = PythonOracle.run(dir, "import marshal, sys\n"
                + "a = marshal.load(open(sys.argv[1], 'rb')); b = marshal.load(open(sys.argv[2], 'rb'))\n"
                + "print(a == b, list(a) == list(b), all(list(a[k][4]) == list(b[k][4]) for k in a))",
                prof.toString(), again.toString());
        assertEquals("True True True\n", eq);
    }

    /**
     * A file of the pure-Python {@code profile} module, whose callers dicts hold bare call counts instead of cProfile's
     * {@code (nc, cc, tt, ct)} tuples, loads and prints as pstats prints it: {@code name(count) cumtime} call lines,
     * no ncalls/tottime/cumtime sub-header; counts add up when files are merged and are written back as counts.
     */
    @Test
    void profileModuleOutputLoadsAndPrintsIdentically() throws Exception {
        Files.writeString(dir.resolve("pyprog.py"), String.join("\n",
                "import profile, sys",
                "def fact(n):",
                "    return 1 if n <= 1 else n * fact(n - 1)",
                "def fib(n):",
                "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
                "class K:",
                "    def m(self, x):",
                "        return sorted([x, 1, 2])",
                "def main(rounds):",
                "    for i in range(rounds):",
                "        fact(i % 12)",
                "    fib(12)",
                "    k = K()",
                "    for i in range(rounds):",
                "        k.m(i)",
                "profile.run('main(30)', 'py1.prof')",
                "profile.run('main(7)', 'py2.prof')",
                ""));
        io.jfrtrace.analyzer.testing.Python3.run(dir, List.of("pyprog.py")); // profile.run runs in __main__
        Path one = dir.resolve("py1.prof");
        Path two = dir.resolve("py2.prof");
        String firstCaller = PythonOracle.run(dir, "import marshal, sys\n"
                + "d = marshal.load(open(sys.argv[1], 'rb'))\n"
                + "print(type(next(v for f in d.values() for v in f[4].values())).__name__)", one.toString());
        assertEquals("int\n", firstCaller, "the profile module writes bare counts");
        String[] scripts = {"stats", "sort cumulative; stats", "sort time name; stats 10", "strip; sort 2; stats",
                "callers", "callees", "sort stdname; callers; callees", "strip; sort nfl; callers fact|fib; callees 0.5"};
        for (String s : scripts) {
            String expected = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(s), one.toString());
            assertEquals(expected, Scenario.java(Stats.load(one), s), s);
            String merged = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(s), one.toString(), two.toString());
            assertEquals(merged, Scenario.java(Stats.load(one).add(Stats.load(two)), s), "merged: " + s);
        }
        Path again = dir.resolve("py-again.prof");
        Stats.load(one).dump(again);
        String eq = PythonOracle.run(dir, "import marshal, sys\n"
                + "a = marshal.load(open(sys.argv[1], 'rb')); b = marshal.load(open(sys.argv[2], 'rb'))\n"
                + "print(a == b, list(a) == list(b), all(type(v) is int for f in b.values() for v in f[4].values()))",
                one.toString(), again.toString());
        assertEquals("True True True\n", eq);
    }

    /**
     * {@code python -m profile -o} keys the script by its code object, which pstats prints as its repr: the same text
     * but for the address (the code object's in each loading process; ours is its offset in the file).
     */
    @Test
    void profileModuleCommandLineOutputWithACodeObjectPrintsAsPstatsButForTheAddress() throws Exception {
        Files.writeString(dir.resolve("cmdprog.py"), String.join("\n",
                "def fib(n):",
                "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
                "def main():",
                "    return sorted([fib(10), 3, 1])",
                "main()",
                ""));
        PythonOracle.run(dir, "import sys, profile; sys.argv = ['profile', '-o', 'cmd.prof', 'cmdprog.py']; profile.main()");
        Path prof = dir.resolve("cmd.prof");
        for (String s : new String[] {"stats", "sort cumulative; stats", "sort stdname; callers; callees"}) {
            String expected = PythonOracle.run(dir, PY_PRELUDE + Scenario.python(s), prof.toString());
            assertTrue(expected.contains("(<code object <module> at 0x"), expected);
            assertEquals(anyAddress(expected), anyAddress(Scenario.java(Stats.load(prof), s)), s);
        }
    }

    private static String anyAddress(String text) {
        return text.replaceAll("<code object (\\S+) at 0x[0-9a-f]{12},", "<code object $1 at 0xADDRESS,");
    }

    /** Every string pstats accepts as a sort key is accepted by us with the same meaning, and nothing else. */
    @Test
    void sortKeyAbbreviationsAreExactlyPstats() throws Exception {
        String out = PythonOracle.run(dir, "import pstats\n"
                + "d = pstats.Stats().get_sort_arg_defs()\n"
                + "for k in sorted(d): print(k, d[k][1], sep='\\t')\n");
        List<String> ours = new ArrayList<>();
        SortKey.acceptedStrings().keySet().stream().sorted().forEach(
                k -> ours.add(k + "\t" + SortKey.lookup(k).description()));
        assertEquals(out, String.join("\n", ours) + "\n");
    }
}
