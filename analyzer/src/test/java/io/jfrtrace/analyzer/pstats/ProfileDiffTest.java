package io.jfrtrace.analyzer.pstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileDiffTest {
    /** {@code name nc cc tt ct} per function, in this order, from file {@code m.py} at line 1, 2, ... */
    static Stats stats(String file, String... rows) {
        Map<FunctionKey, FunctionStats> dict = new LinkedHashMap<>();
        for (String row : rows) {
            String[] f = row.split(" ");
            dict.put(key(f[0]), new FunctionStats(Long.parseLong(f[2]), Long.parseLong(f[1]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Map.of()));
        }
        return Stats.of(dict, List.of(new SourceFile(file, null)));
    }

    static FunctionKey key(String name) {
        return new FunctionKey("m.py", name.charAt(0) - 'a' + 1, name);
    }

    static List<String> names(List<FunctionDiff> rows) {
        return rows.stream().map(d -> d.function().name()).toList();
    }

    static final Stats OLD = stats("old.jfr", "a 10 10 1.0 4.0", "b 5 5 0.5 0.5", "c 1 1 0.25 3.0", "d 2 2 0.0 0.0");
    // a: cum +1, b: vanished (-0.5), c: cum -2 (the largest change), d: tottime from 0, e: new (+0.75)
    static final Stats NEW = stats("new.jfr", "a 20 20 1.5 5.0", "c 1 1 0.25 1.0", "d 2 2 0.125 0.125", "e 3 3 0.75 0.75");

    @Test
    void everyFunctionOfEitherSideOnceWithItsSidesAndDifferences() {
        ProfileDiff diff = ProfileDiff.of(OLD, NEW);
        assertEquals(5, diff.size());
        Map<String, FunctionDiff> by = new LinkedHashMap<>();
        diff.listing().forEach(d -> by.put(d.function().name(), d));
        FunctionDiff a = by.get("a");
        assertEquals(10, a.callsDiff());
        assertEquals(0.5, a.tottimeDiff());
        assertEquals(OptionalDouble.of(50.0), a.tottimePercent());
        assertEquals(OptionalDouble.of(25.0), a.cumtimePercent());
        FunctionDiff b = by.get("b");
        assertTrue(b.vanished());
        assertFalse(b.appeared());
        assertEquals(-5, b.callsDiff());
        assertEquals(-0.5, b.cumtimeDiff());
        assertEquals(OptionalDouble.empty(), b.cumtimePercent());
        FunctionDiff e = by.get("e");
        assertTrue(e.appeared());
        assertEquals(3, e.callsDiff());
        assertEquals(OptionalDouble.empty(), e.tottimePercent());
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), by.get("d").tottimePercent());
        assertEquals(OptionalDouble.of(0.0), by.get("c").tottimePercent());
    }

    /** old and new (nc cc tt ct; "-" absent): the differences and percentages of the row. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "10 10 1.0 4.0 | 20 20 1.5 5.0 | 10 | 10 | 0.5   | 50.0  | 1.0   | 25.0",
            "436 30 0 2.0  | 536 40 0 1.0  | 100| 10 | 0.0   | 0.0   | -1.0  | -50.0",
            "1 1 0.0 0.0   | 1 1 0.5 0.5   | 0  | 0  | 0.5   | Infinity | 0.5 | Infinity",
            "1 1 0.5 0.5   | 1 1 0.0 0.0   | 0  | 0  | -0.5  | -100.0 | -0.5 | -100.0",
            "-             | 3 2 0.5 0.5   | 3  | 2  | 0.5   |       | 0.5   |",
            "3 2 0.5 0.5   | -             | -3 | -2 | -0.5  |       | -0.5  |",
    })
    void differencesAndPercentages(String old, String now, long calls, long pcalls, double tt, Double ttPct,
                                   double ct, Double ctPct) {
        FunctionDiff d = new FunctionDiff(key("a"), side(old), side(now));
        assertEquals(calls, d.callsDiff());
        assertEquals(pcalls, d.primitiveCallsDiff());
        assertEquals(tt, d.tottimeDiff());
        assertEquals(ct, d.cumtimeDiff());
        assertEquals(ttPct == null ? OptionalDouble.empty() : OptionalDouble.of(ttPct), d.tottimePercent());
        assertEquals(ctPct == null ? OptionalDouble.empty() : OptionalDouble.of(ctPct), d.cumtimePercent());
    }

    private static FunctionStats side(String text) {
        if (text.equals("-")) {
            return null;
        }
        double[] v = Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
        return new FunctionStats((long) v[1], (long) v[0], v[2], v[3], Map.of());
    }

    @Test
    void aFunctionOnNeitherSideIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FunctionDiff(key("a"), null, null));
    }

    @ParameterizedTest(name = "--sort {0}")
    @CsvSource(delimiter = '|', value = {
            // default: the largest change of cumtime (absolute) first
            "                  | c a e b d | change of cumulative time",
            "cumdiff           | c a e b d | change of cumulative time",
            "totdiff           | e a b d c | change of internal time",
            "callsdiff         | a b e c d | change of call count",
            "pcallsdiff        | a b e c d | change of primitive call count",
            // pstats' keys (and prefixes) on the new side: a vanished function counts as zero
            "cumulative        | a c e d b | cumulative time (new)",
            "cu                | a c e d b | cumulative time (new)",
            "calls             | a e d c b | call count (new)",
            "name              | a b c d e | function name (new)",
            "callsdiff totdiff | a b e d c | change of call count, change of internal time",
    })
    void sortKeys(String keys, String order, String description) {
        List<String> words = keys == null ? List.of() : List.of(keys.split(" "));
        ProfileDiff diff = ProfileDiff.of(OLD, NEW).sort(DiffKey.parseArgs(words));
        assertEquals(List.of(order.split(" ")), names(diff.listing()));
        assertEquals(description, diff.sortType());
    }

    @Test
    void tiesAreBrokenByThePrintedName() {
        Stats old = stats("o", "c 1 1 0.5 0.5", "b 1 1 0.5 0.5", "a 1 1 0.5 0.5");
        Stats now = stats("n", "c 2 2 1.0 1.0", "b 2 2 1.0 1.0", "a 2 2 1.0 1.0");
        assertEquals(List.of("a", "b", "c"), names(ProfileDiff.of(old, now).listing()));
    }

    @Test
    void reverseTurnsTheSortedListAround() {
        assertEquals(List.of("d", "b", "e", "a", "c"), names(ProfileDiff.of(OLD, NEW).reverse().listing()));
    }

    /** Each cut's line is pstats' {@code "   List reduced from A to B due to restriction <R>"}; here "A B R" each. */
    @ParameterizedTest(name = "-r {0}")
    @CsvSource(delimiter = '|', value = {
            "2        | c a       | 5 2 2",
            "0.5      | c a e     | 5 3 0.5",
            "\\([bd]\\)  | b d       | 5 2 '\\\\([bd]\\\\)'",
            "9        | c a e b d | ",
            "[a-c] 1  | c         | 5 3 '[a-c]' ; 3 1 1",
    })
    void restrictionsCutTheSortedListAsPstatsDoes(String restrictions, String kept, String cuts) {
        List<Restriction> r = Arrays.stream(restrictions.split(" ")).map(Restriction::parse).toList();
        StringBuilder msg = new StringBuilder();
        List<FunctionDiff> list = ProfileDiff.of(OLD, NEW).printList(r, msg);
        assertEquals(List.of(kept.split(" ")), names(list));
        StringBuilder expected = new StringBuilder();
        for (String cut : cuts == null ? new String[0] : cuts.split(" ; ")) {
            String[] f = cut.split(" ", 3);
            expected.append("   List reduced from ").append(f[0]).append(" to ").append(f[1])
                    .append(" due to restriction <").append(f[2]).append(">\n");
        }
        assertEquals(expected.toString(), msg.toString());
    }

    @Test
    void unknownKeysListTheValidOnesInOneLineAndChangeKeysAreWholeWords() {
        for (String bad : List.of("speed", "cumd", "cum", "2", "diff")) {
            SortKeyException e = assertThrows(SortKeyException.class, () -> DiffKey.lookup(bad));
            assertTrue(e.getMessage().startsWith("unknown sort key '" + bad + "'; valid keys: cumdiff, totdiff, callsdiff, "
                    + "pcallsdiff, or pstats' calls,"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
