package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.MarshalReader;
import io.jfrtrace.analyzer.python.PyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PstatsUnitTest {

    @Test
    void stdNameOfBuiltinsAndPlainKeys() {
        assertEquals("{x}", new FunctionKey("~", 0, "<x>").stdName());
        assertEquals("x", new FunctionKey("~", 0, "x").stdName());
        assertEquals("~:1(<x>)", new FunctionKey("~", 1, "<x>").stdName());
        assertEquals("rec.py:12(main)", new FunctionKey("rec.py", 12, "main").stdName());
    }

    @Test
    void sortKeyAbbreviationRulesAndErrors() {
        assertEquals(SortKey.CUMULATIVE, SortKey.lookup("cu"));
        assertEquals(SortKey.FILENAME, SortKey.lookup("m"));
        for (String bad : List.of("cum", "c", "n", "t", "", "bogus", "Time")) {
            SortKeyException e = assertThrows(SortKeyException.class, () -> SortKey.lookup(bad));
            assertTrue(e.getMessage().contains("cumulative") && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(List.of(SortKey.STDNAME), SortKey.parseArgs(List.of("-1")));
        assertEquals(List.of(SortKey.CUMULATIVE), SortKey.parseArgs(List.of("2")));
        assertThrows(SortKeyException.class, () -> SortKey.parseArgs(List.of("3")));
        assertThrows(SortKeyException.class, () -> SortKey.parseArgs(List.of("1", "time")));
        assertThrows(SortKeyException.class, () -> SortKey.parseArgs(List.of("time", "1")));
        assertThrows(SortKeyException.class, () -> SortKey.parseArgs(List.of("1", "2")));
        assertEquals(List.of(SortKey.TIME, SortKey.NAME), SortKey.parseArgs(List.of("tottime", "na")));
        assertEquals(List.of(), SortKey.parseArgs(List.of()));
    }

    /** int()/float() classification of CLI restrictions, checked against CPython. */
    @Test
    void restrictionClassificationFollowsPythonIntAndFloat(@TempDir Path dir) throws Exception {
        List<String> inputs = List.of("10", "-3", "+5", " 7 ", "1_000", "0", "007", "0.5", ".25", "1e-1", "2.5",
                "5.", "1E5", "1_0.5", "-0.0", "inf", "-Infinity", "nan", "1__0", "_1", "1_", "0x10", "1d", "1f",
                "e5", ".", "fact", "٣", "١.٥", "", " ", "0.1e", "1.5e+3", "0.00001");
        Files.writeString(dir.resolve("in"), String.join("\u0000", inputs));
        String py = "for w in open('in', encoding='utf-8').read().split('\\0'):\n"
                + "    try: print('int', repr(int(w))); continue\n"
                + "    except ValueError: pass\n"
                + "    try: print('float', repr(float(w))); continue\n"
                + "    except ValueError: pass\n"
                + "    print('str', repr(w))\n";
        String expected = PythonOracle.run(dir, py);
        StringBuilder got = new StringBuilder();
        for (String w : inputs) {
            Restriction r = Restriction.parse(w);
            String kind = r instanceof Restriction.Count ? "int" : r instanceof Restriction.Fraction ? "float" : "str";
            got.append(kind).append(' ').append(r.repr()).append('\n');
        }
        assertEquals(expected, got.toString());
    }

    @Test
    void fromTableMultipliesByTheNanosecondFactorAndSkipsUncalledEntries() {
        ProfileTable t = new ProfileTable()
                .addFunction(Fixtures.MAIN, 1, 0, 3, 7)
                .addFunction(Fixtures.FACT, 0, 0, 5, 5)
                .addCall(Fixtures.MAIN, Fixtures.FACT, 1, 0, 5, 5);
        Stats s = Stats.fromTable(t, List.of());
        assertEquals(List.of(Fixtures.MAIN), List.copyOf(s.stats().keySet()));
        assertEquals((1.0 / 1e9) * 3, s.stats().get(Fixtures.MAIN).tt());
        assertEquals((1.0 / 1e9) * 7, s.stats().get(Fixtures.MAIN).ct());
        // 3e-9 by division differs in the last bit: make sure we multiplied
        assertTrue((1.0 / 1e9) * 3 != 3 / 1e9 || (1.0 / 1e9) * 7 != 7 / 1e9);
    }

    /** Ints beyond int32, long/non-ASCII strings: our writer's output is what CPython reads, and ours reads back. */
    @Test
    void marshalRoundTripsThroughCPython(@TempDir Path dir) throws Exception {
        Map<FunctionKey, FunctionStats> m = new LinkedHashMap<>();
        FunctionKey big = new FunctionKey("x".repeat(300), 2_000_000_000, "ünï\uD835\uDD23\uDC80");
        FunctionKey small = FunctionKey.builtin("<lone>");
        m.put(big, new FunctionStats(5_000_000_000L, -7_000_000_000_000L, 0.1, -0.0,
                Map.of(small, new CallStats(1L << 40, Long.MIN_VALUE + 1, 1e300, 5e-324))));
        m.put(small, new FunctionStats(1, 1, 1, 1, Map.of()));
        Stats s = Stats.of(m, List.of());
        Path p = dir.resolve("m.pstats");
        s.dump(p);
        String out = PythonOracle.run(dir, "import marshal, sys\nd = marshal.load(open(sys.argv[1], 'rb'))\n"
                + "for k, v in d.items(): print(ascii(k), v[:4], [(ascii(a), b) for a, b in v[4].items()])\n"
                + "marshal.dump(d, open('py.pstats', 'wb'))\n", p.toString());
        assertEquals("(" + "'" + "x".repeat(300) + "', 2000000000, '\\xfcn\\xef\\U0001d523\\udc80') "
                + "(5000000000, -7000000000000, 0.1, -0.0) [(\"('~', 0, '<lone>')\", (1099511627776, "
                + "-9223372036854775807, 1e+300, 5e-324))]\n"
                + "('~', 0, '<lone>') (1, 1, 1.0, 1.0) []\n", out);
        Stats back = Stats.load(dir.resolve("py.pstats"));
        assertEquals(s.stats(), back.stats());
        assertEquals(List.copyOf(s.stats().keySet()), List.copyOf(back.stats().keySet()));
    }

    @Test
    void readerHandlesRefsAndRejectsGarbage() throws Exception {
        // {('a',1,'f'): (1,1,0.5,0.5,{}), r0-copy}: FLAG_REF on the key tuple, then a back-reference as a caller key
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('{');
        b.write(')' | 0x80); b.write(3); b.write('z'); b.write(1); b.write('a'); b.write('i'); b.write(new byte[]{1, 0, 0, 0});
        b.write('Z' | 0x80); b.write(1); b.write('f');
        b.write(')'); b.write(5);
        b.write('i'); b.write(new byte[]{1, 0, 0, 0});
        b.write('i'); b.write(new byte[]{1, 0, 0, 0});
        b.write('f'); b.write(3); b.write("0.5".getBytes());
        b.write('g'); b.write(new byte[]{0, 0, 0, 0, 0, 0, (byte) 0xe0, 0x3f});
        b.write('{');
        b.write('r'); b.write(new byte[]{0, 0, 0, 0});
        b.write(')'); b.write(4);
        for (int i = 0; i < 2; i++) { b.write('i'); b.write(new byte[]{1, 0, 0, 0}); }
        for (int i = 0; i < 2; i++) { b.write('g'); b.write(new byte[]{0, 0, 0, 0, 0, 0, (byte) 0xe0, 0x3f}); }
        b.write('0');
        b.write('0');
        Stats s = Stats.fromMarshal(b.toByteArray(), List.of(), "test");
        FunctionKey k = new FunctionKey("a", 1, "f");
        assertEquals(new CallStats(1, 1, 0.5, 0.5), s.stats().get(k).callers().get(k));
        assertEquals(0.5, s.totalTt());
        assertThrows(java.io.IOException.class, () -> Stats.fromMarshal(new byte[]{'{', '0'}, List.of(), "empty"));
        assertThrows(java.io.IOException.class, () -> Stats.fromMarshal(new byte[]{'{', 'r', 5, 0, 0, 0}, List.of(), "x"));
        assertThrows(java.io.IOException.class, () -> Stats.fromMarshal(new byte[]{'{'}, List.of(), "x"));
        assertInstanceOf(Map.class, MarshalReader.read(new byte[]{'{', '0'}));
    }

    @Test
    void restrictionMessagesUsePythonRepr() {
        assertEquals("0.5", Restriction.parse("0.5").repr());
        assertEquals("1e-05", Restriction.parse("0.00001").repr());
        assertEquals("'main'", Restriction.parse("main").repr());
        assertEquals("\"it's\"", Restriction.parse("it's").repr());
        assertEquals("-3", Restriction.parse("-3").repr());
        assertEquals("   0.062", PyFormat.f8(0.0625));
    }
}
