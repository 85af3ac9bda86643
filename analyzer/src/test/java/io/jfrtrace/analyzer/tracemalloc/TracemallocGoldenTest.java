package io.jfrtrace.analyzer.tracemalloc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests: the same awkward snapshots are written with {@link SnapshotCsv}, rebuilt as real
 * {@code tracemalloc.Snapshot}s by CPython ({@code tracemalloc_oracle.py}), and every report must be byte-identical.
 */
class TracemallocGoldenTest {
    @TempDir
    static Path dir;
    static Path src;
    static String A, B, C, G, H, P, COLON;
    static Snapshot newSnap, oldSnap;
    static Map<String, String> python;
    static final List<Integer> FORMAT_LIMITS = Arrays.asList(null, 0, 1, 2, 3, -1, -2, -3, 50, -50);
    static final List<Integer> TOP_LIMITS = List.of(3, 10, 0, 100, -2);
    static List<List<BaseFilter>> filterSets;
    static List<List<Map<String, Object>>> filterSpecs;

    static Traceback tb(Object... fileLinePairs) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < fileLinePairs.length; i += 2) {
            frames.add(new Frame((String) fileLinePairs[i], (Integer) fileLinePairs[i + 1]));
        }
        return new Traceback(frames, frames.size() + 3);
    }

    static void source(String path, String text) throws IOException {
        Path p = Path.of(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void setUp() throws Exception {
        src = dir.resolve("src");
        A = src + "/app/main.py";
        B = src + "/lib/cache.py";
        C = src + "/pkg/módulo_日本.py";
        G = src + "/x/\uFF21.py";            // U+FF21: after U+1F600 in UTF-16 order, before it in code point order
        H = src + "/x/\uD83D\uDE00.py";      // U+1F600
        P = src + "/lib/compiled.pyc";
        COLON = "C:/weird:name.py";
        StringBuilder main = new StringBuilder();
        for (int i = 1; i <= 40; i++) main.append("    x").append(i).append(" = alloc(").append(i).append(")  \n");
        source(A, main.toString().replace("    x3 = alloc(3)  \n", "   \t \n")         // blank line 3: no source
                .replace("    x5 = alloc(5)  \n", "\u00a0\u3000 nbsp_and_ideographic()\u3000\n"));
        source(B, "import os\r\ncache = {}\r\n\r\ndef get(k):\r\n    if k in cache:\r\n        return cache[k]\r\n"
                + "    v = cache[k] = [0] * 1000\r\n    return v\r\n    # nine\r\n    get(k - 1)  # ten\r\n");
        source(C, "# -*- coding: utf-8 -*-\ndonnées = 'éàü'\n\tπ = 3.14\n");
        source(G, "fullwidth = 1\n");
        source(H, "emoji = 1\r");

        List<Trace> n = new ArrayList<>();
        // size boundaries, one line each
        long[] sizes = {0, 99, 100, 9999, 10239, 10240, 102399, 102400, 10485759, 10485760, 1073741824L,
                10737418239L, 1099511627776000L};
        for (int i = 0; i < sizes.length; i++) n.add(new Trace(0, sizes[i], tb(A, 10 + i)));
        // averages 2.5 B and 3.5 B (ties to even), count > 1 everywhere statistics must count rows' counts
        n.add(new Trace(0, 5, 2, tb(A, 30)));
        n.add(new Trace(0, 7, 2, tb(A, 31)));
        n.add(new Trace(1, 10485760L * 3 + 1, 3, tb(A, 1, B, 7)));
        // recursion: repeated frames in one traceback
        n.add(new Trace(0, 4000, 4, tb(A, 2, B, 10, B, 10, B, 10, B, 7)));
        n.add(new Trace(1, 4000, 4, tb(A, 2, B, 10, B, 7)));
        // identical sizes/counts: traceback tie-break, reverse order (lineno 5 < 25 but "5" > "25", files, code points)
        n.add(new Trace(0, 1000, tb(A, 5)));
        n.add(new Trace(0, 1000, tb(A, 25)));
        n.add(new Trace(0, 1000, tb(B, 5)));
        n.add(new Trace(0, 1000, tb(G, 1)));
        n.add(new Trace(0, 1000, tb(H, 1)));
        n.add(new Trace(42, 1000, tb(C, 2)));
        n.add(new Trace(42, 1000, tb(C, 3)));
        n.add(new Trace(42, 1000, tb(A, 3, C, 2)));
        // same most recent frame, different older frames: identical-looking 'traceback' lines
        n.add(new Trace(0, 2048, 2, tb(A, 8, B, 4)));
        n.add(new Trace(0, 2048, 2, tb(A, 8, C, 2)));
        // special names, colon in a file name, .pyc, relative missing file
        n.add(new Trace(0, 333, tb("<unknown>", 0)));
        n.add(new Trace(0, 444, 3, tb(A, 1, "<frozen importlib._bootstrap>", 241)));
        n.add(new Trace(7, 555, tb(COLON, 12)));
        n.add(new Trace(0, 666, 2, tb(P, 4)));
        n.add(new Trace(0, 777, tb("relative/nofile.py", 1)));
        // deep traceback
        List<Object> deep = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            deep.add(i % 3 == 0 ? A : i % 3 == 1 ? B : C);
            deep.add(i + 1);
        }
        n.add(new Trace(0, 123456, 6, tb(deep.toArray())));
        newSnap = new Snapshot(n, 25);

        List<Trace> o = new ArrayList<>();
        o.add(new Trace(0, 10240, tb(A, 15)));                   // changed: 10240 B, 1 block -> 11.0 KiB, 2 blocks
        o.add(new Trace(0, 1000, tb(A, 5)));                      // unchanged: +0 B, +0
        o.add(new Trace(0, 500, 3, tb(B, 5)));                    // size grows, count shrinks
        o.add(new Trace(0, 1554, 2, tb(src + "/app/gone.py", 1))); // only in old: size=0 B (-1554 B), count=0 (-2)
        o.add(new Trace(3, 20000, 5, tb(src + "/lib/old.py", 9, B, 7)));
        o.add(new Trace(0, 10485760L * 3 + 1, 3, tb(A, 1, B, 7)));  // same in filename/lineno after domain change
        o.add(new Trace(0, 4000, 4, tb(A, 2, B, 10, B, 7)));
        o.add(new Trace(0, 2000, 2, tb(A, 30)));
        o.add(new Trace(0, 1000, tb(H, 1)));
        o.add(new Trace(0, 1000, tb(G, 1)));
        o.add(new Trace(0, 102400, 7, tb(A, 17)));
        oldSnap = new Snapshot(o, 25);

        filterSets = new ArrayList<>();
        filterSpecs = new ArrayList<>();
        addFilters(f(true, "*/lib/*", null, false, null));
        addFilters(f(false, "*/lib/*", null, false, null));
        addFilters(f(true, A, 10, false, null));
        addFilters(f(false, "*main.py", 10, false, null));
        addFilters(f(true, "*cache.py", null, true, null));
        addFilters(f(false, "*cache.py", null, true, null));
        addFilters(f(true, "*cache.py", 7, true, null));
        addFilters(f(false, "*main.py", 2, true, null));
        addFilters(f(true, "*", null, false, 1));
        addFilters(f(false, "*main.py", null, false, 1));
        addFilters(f(true, "*cache.py", null, true, 1));
        addFilters(f(false, "*cache.py", 7, true, 0));
        addFilters(d(true, 42));
        addFilters(d(false, 0));
        addFilters(f(true, "*/app/*", null, false, null), f(true, "*/pkg/*", null, false, null),
                f(false, "*", 3, false, null), d(false, 42));
        addFilters();
        addFilters(f(true, "*.py", null, false, null));
        addFilters(f(true, "*.pyc", null, false, null));
        addFilters(f(true, "*/[a-l]*/*.py", null, false, null));
        addFilters(f(true, "*/[!a-l]*/*", null, false, null));
        addFilters(f(true, "*/x/?.py", null, false, null));
        addFilters(f(true, "<unknown>", null, false, null));
        addFilters(f(true, "*:*", null, false, null));
        addFilters(f(true, "*日本*", null, false, null), d(true, 7));
        addFilters(f(false, "<*>", null, false, null), f(false, "*[0-9]*", null, true, null));

        StringWriter nw = new StringWriter(), ow = new StringWriter();
        SnapshotCsv.write(newSnap, nw);
        SnapshotCsv.write(oldSnap, ow);
        Files.writeString(dir.resolve("new.csv"), nw.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("old.csv"), ow.toString(), StandardCharsets.UTF_8);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("filters", filterSpecs);
        plan.put("format_limits", FORMAT_LIMITS);
        plan.put("top_limits", TOP_LIMITS);
        Files.writeString(dir.resolve("plan.json"), PythonOracle.json(plan), StandardCharsets.UTF_8);
        Path work = Files.createDirectories(dir.resolve("work"));
        String out = PythonOracle.run(work, "report",
                dir.resolve("new.csv").toString(), dir.resolve("old.csv").toString(), dir.resolve("plan.json").toString());
        String dump = System.getProperty("tracemalloc.golden.dump"); // to look at CPython's output by hand
        if (dump != null) Files.writeString(Path.of(dump), out, StandardCharsets.UTF_8);
        python = PythonOracle.sections(out);
    }

    static Object[] f(boolean inclusive, String pattern, Integer lineno, boolean allFrames, Integer domain) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "filter");
        spec.put("inclusive", inclusive);
        spec.put("pattern", pattern);
        spec.put("lineno", lineno);
        spec.put("all_frames", allFrames);
        spec.put("domain", domain);
        return new Object[] {new Filter(inclusive, pattern, lineno, allFrames, domain), spec};
    }

    static Object[] d(boolean inclusive, int domain) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "domain");
        spec.put("inclusive", inclusive);
        spec.put("domain", domain);
        return new Object[] {new DomainFilter(inclusive, domain), spec};
    }

    @SuppressWarnings("unchecked")
    static void addFilters(Object[]... filters) {
        List<BaseFilter> set = new ArrayList<>();
        List<Map<String, Object>> specs = new ArrayList<>();
        for (Object[] pair : filters) {
            set.add((BaseFilter) pair[0]);
            specs.add((Map<String, Object>) pair[1]);
        }
        filterSets.add(set);
        filterSpecs.add(specs);
    }

    static Snapshot javaNew() throws IOException {
        // Java reads its own CSV back too, so the round trip is part of every comparison.
        try (Reader r = Files.newBufferedReader(dir.resolve("new.csv"))) {
            return SnapshotCsv.read(r, 25);
        }
    }

    static Snapshot javaOld() throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve("old.csv"))) {
            return SnapshotCsv.read(r, 25);
        }
    }

    static String lines(List<?> items) {
        StringBuilder sb = new StringBuilder();
        for (Object o : items) sb.append(o).append('\n');
        return sb.toString();
    }

    static void expectSection(String title, String javaText) {
        assertTrue(python.containsKey(title), () -> "python printed no section " + title);
        assertEquals(python.get(title), javaText, title);
    }

    @Test
    void csvRoundTripKeepsEveryTrace() throws IOException {
        assertEquals(newSnap.traces(), javaNew().traces());
        assertEquals(oldSnap.traces(), javaOld().traces());
        for (int i = 0; i < newSnap.traces().size(); i++) {
            assertEquals(newSnap.traces().get(i).traceback().totalNframe(),
                    javaNew().traces().get(i).traceback().totalNframe());
        }
    }

    @Test
    void statisticsMatchCPythonForEveryKeyType() throws IOException {
        for (KeyType k : KeyType.values()) {
            expectSection("statistics " + k.pythonName(), lines(javaNew().statistics(k)));
        }
    }

    @Test
    void cumulativeStatisticsMatchCPythonIncludingRepeatedFrames() throws IOException {
        for (KeyType k : List.of(KeyType.LINENO, KeyType.FILENAME)) {
            expectSection("statistics cumulative " + k.pythonName(), lines(javaNew().statistics(k, true)));
        }
    }

    @Test
    void compareToMatchesCPythonIncludingGroupsOnlyInOldOrNew() throws IOException {
        for (KeyType k : KeyType.values()) {
            expectSection("compare_to " + k.pythonName(), lines(javaNew().compareTo(javaOld(), k, false)));
        }
        for (KeyType k : List.of(KeyType.LINENO, KeyType.FILENAME)) {
            expectSection("compare_to cumulative " + k.pythonName(), lines(javaNew().compareTo(javaOld(), k, true)));
        }
    }

    @Test
    void filterTracesMatchesCPythonForFilterAndDomainFilter() throws IOException {
        Snapshot s = javaNew();
        for (int i = 0; i < filterSets.size(); i++) {
            Snapshot filtered = s.filterTraces(filterSets.get(i));
            for (KeyType k : KeyType.values()) {
                expectSection("filter " + i + " " + k.pythonName(), lines(filtered.statistics(k)));
            }
        }
    }

    @Test
    void tracebackFormatMatchesCPythonWithLimitsOrderAndSourceLines() throws IOException {
        SourceLines srcLines = new SourceDirectories(List.of());
        List<Statistic> stats = javaNew().statistics(KeyType.TRACEBACK);
        for (int i = 0; i < stats.size(); i++) {
            for (Integer limit : FORMAT_LIMITS) {
                for (boolean mrf : new boolean[] {false, true}) {
                    String title = "format " + i + " " + (limit == null ? "None" : limit) + " " + (mrf ? "True" : "False");
                    expectSection(title, lines(stats.get(i).traceback().format(limit, mrf, srcLines)));
                }
            }
        }
    }

    @Test
    void displayTopMatchesTheDocumentationExample() throws IOException {
        SourceLines srcLines = new SourceDirectories(List.of());
        for (KeyType k : List.of(KeyType.LINENO, KeyType.FILENAME)) {
            for (int limit : TOP_LIMITS) {
                StringBuilder sb = new StringBuilder();
                DisplayTop.print(sb, javaNew(), k, limit, srcLines);
                expectSection("display_top " + k.pythonName() + " " + limit, sb.toString());
            }
        }
    }

    @Test
    void pythonPrintedOnlySectionsJavaChecks() {
        int expected = 3 + 2 + 3 + 2 + filterSets.size() * 3 + newSnap.statistics(KeyType.TRACEBACK).size()
                * FORMAT_LIMITS.size() * 2 + 2 * TOP_LIMITS.size();
        assertEquals(expected, python.size());
    }
}
