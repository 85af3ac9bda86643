package io.jfrtrace.analyzer.pstats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code record -s KEY} prints what {@code python -m cProfile -s KEY} prints: CPython's own path,
 * {@code pstats.Stats(profile).strip_dirs().sort_stats(KEY).print_stats()} on a profile object (no file list), fed
 * the same data through a marshal dump, must give the same text byte for byte.
 */
class CProfilePrintGoldenTest {
    /** A profile object as cProfile's: pstats.Stats(prof) calls create_stats() and takes .stats. */
    private static final String ORACLE = "import marshal, pstats, sys\n"
            + "class Profile:\n"
            + "    def create_stats(self):\n"
            + "        with open(sys.argv[1], 'rb') as f:\n"
            + "            self.stats = marshal.load(f)\n"
            + "keys = [int(k) if k.lstrip('-').isdigit() else k for k in sys.argv[2:]]\n"
            + "pstats.Stats(Profile(), stream=sys.stdout).strip_dirs().sort_stats(*keys).print_stats()\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void python() {
        PythonOracle.assumeAvailable();
    }

    @ParameterizedTest(name = "-s {0}")
    @ValueSource(strings = {"cumulative", "tottime", "calls", "name", "stdname", "cumulative name", "filename line",
            "pcalls", "-1", "2"})
    void tableProfilePrintsAsCProfileDoes(String keys) throws Exception {
        assertSame(() -> Stats.fromTable(Fixtures.table(), List.of()), keys);
    }

    @ParameterizedTest(name = "-s {0}")
    @ValueSource(strings = {"cumulative", "time", "nfl"})
    void exactTiesPrintAsCProfileDoes(String keys) throws Exception {
        assertSame(() -> Stats.of(Fixtures.exact(), List.of()), keys);
    }

    private static void assertSame(Supplier<Stats> fixture, String keys) throws Exception {
        Path dump = dir.resolve("p" + Integer.toHexString(keys.hashCode()) + ".pstats");
        Stats stats = fixture.get();
        stats.dump(dump);
        List<String> args = new ArrayList<>(List.of(dump.toString()));
        args.addAll(List.of(keys.split(" ")));
        String expected = PythonOracle.run(dir, ORACLE, args.toArray(String[]::new));
        assertEquals(expected, CProfilePrint.text(Stats.load(dump), SortKey.parseArgs(List.of(keys.split(" ")))));
    }
}
