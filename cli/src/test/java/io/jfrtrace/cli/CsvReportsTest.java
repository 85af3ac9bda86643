package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --format csv}, read back with Commons CSV: pstats' rows against CPython's own pstats on the same data
 * (python3 as the oracle), and the allocation, diff, snapshot-list and thread-dump tables against what they are
 * made of (the traces of {@code alloc --csv}, two statistics tables, the text reports).
 */
class CsvReportsTest {
    static final Path SAMPLES = BadAnalyzerInputTest.SAMPLES;
    static final String LEAK = SAMPLES.resolve("Leak.jfr").toString();
    static final String FACTORIAL = SAMPLES.resolve("Factorial.jfr").toString();

    @TempDir
    Path work;

    static List<CSVRecord> read(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
    }

    static CommandLineRun ok(String... args) {
        CommandLineRun run = CommandLineRun.run(args);
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    static String[] with(String[] args, String... more) {
        return ReportDestinationTest.concat(args, more);
    }

    // --- stats: CPython's pstats, given the .pstats file of the same recording, lists the same rows

    @ParameterizedTest(name = "stats {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "Streams.jfr         |                                  | s.sort_stats('cumulative')           | ()       | functions",
            "Streams.jfr         | -s tottime -r 0.5                | s.sort_stats('tottime')              | (0.5,)   | functions",
            "Factorial.jfr       | -s 0 --reverse                   | s.sort_stats(0).reverse_order()      | ()       | functions",
            "MutualRecursion.jfr | --callers -s name -r is          | s.sort_stats('name')                 | ('is',)  | callers",
            "Streams.jfr         | --callees --strip-dirs -s calls -r 5 | s.strip_dirs().sort_stats('calls') | (5,)     | callees",
    })
    void statsRowsAreCPythonsPstatsRows(String file, String options, String pythonCalls, String restrictions, String view)
            throws Exception {
        Assumptions.assumeTrue(PstatsOracleIT.python3Present(), "python3 is needed as the oracle");
        String recording = SAMPLES.resolve(file).toString();
        Path pstats = work.resolve("data.pstats");
        ok("stats", recording, "--dump", pstats.toString());
        String[] args = options == null ? new String[0] : options.strip().split("\\s+");
        CommandLineRun ours = ok(with(with(new String[] {"stats", recording}, args), "--format", "csv"));

        String script = String.join("\n",
                "import pstats, csv, sys, io",
                "s = pstats.Stats(" + pyString(pstats.toString()) + ", stream=io.StringIO())",
                pythonCalls,
                "view = " + pyString(view),
                "w = csv.writer(sys.stdout, lineterminator='\\n')",
                "_, listed = s.get_print_list(" + restrictions + ")",
                "fn = ['filename', 'lineno', 'function']",
                "numbers = ['ncalls', 'primitive_calls', 'tottime', 'cumtime']",
                "if view == 'functions':",
                "    w.writerow(numbers + fn)",
                "    for f in listed:",
                "        cc, nc, tt, ct, callers = s.stats[f]",
                "        w.writerow([nc, cc, tt, ct, *f])",
                "else:",
                "    other = [('caller_' if view == 'callers' else 'callee_') + c for c in fn]",
                "    w.writerow(fn + other + numbers)",
                "    if view == 'callees':",
                "        s.calc_callees()",
                "    for f in listed:",
                "        edges = s.stats[f][4] if view == 'callers' else s.all_callees.get(f, {})",
                "        for k in sorted(edges):",
                "            v = edges[k]",
                "            w.writerow([*f, *k, *v] if isinstance(v, tuple) else [*f, *k, v, '', '', ''])");
        List<List<String>> theirs = rows(python(script));
        List<List<String>> mine = rows(ours.stdout());
        assertTrue(mine.size() > 2, ours::toString);
        assertEquals(theirs, mine);
    }

    static List<List<String>> rows(String csv) throws IOException {
        return read(csv).stream().map(CSVRecord::toList).toList();
    }

    static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    String python(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", script).directory(work.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.redirectError(work.resolve("python.err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> out + readQuietly(work.resolve("python.err")));
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void statsCsvIsTheTextReportsRows() throws Exception {
        List<String> text = ok("stats", FACTORIAL).stdout().lines().toList();
        List<String> table = text.subList(text.indexOf("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)") + 1,
                text.size() - 2);
        List<CSVRecord> csv = read(ok("stats", FACTORIAL, "--format", "csv").stdout());
        assertEquals(List.of("ncalls", "primitive_calls", "tottime", "cumtime", "filename", "lineno", "function"), csv.get(0).toList());
        assertEquals(table.size(), csv.size() - 1);
        for (int i = 0; i < table.size(); i++) {
            CSVRecord r = csv.get(i + 1);
            String[] cols = table.get(i).strip().split("\\s+", 6);
            String calls = r.get(0).equals(r.get(1)) ? r.get(0) : r.get(0) + "/" + r.get(1);
            assertEquals(cols[0], calls);
            assertEquals(Double.parseDouble(cols[1]), Double.parseDouble(r.get(2)), 0.0005);
            assertEquals(Double.parseDouble(cols[3]), Double.parseDouble(r.get(3)), 0.0005);
            String name = r.get(4) + ":" + r.get(5) + "(" + r.get(6) + ")";
            if (r.get(4).equals("~") && r.get(5).equals("0")) { // pstats' func_std_string of a built-in
                String n = r.get(6);
                name = n.startsWith("<") && n.endsWith(">") ? "{" + n.substring(1, n.length() - 1) + "}" : n;
            }
            assertEquals(cols[5], name);
        }
    }

    // --- alloc: the statistics are the traces of alloc --csv, grouped

    @ParameterizedTest(name = "alloc {0} --key {1}")
    @CsvSource({"Leak.jfr, lineno", "Leak.jfr, filename", "Leak.jfr, traceback", "Factorial.jfr, lineno",
            "Factorial.jfr, traceback"})
    void allocationRowsAreTheTracesGroupedByTheKey(String file, String key) throws Exception {
        String recording = SAMPLES.resolve(file).toString();
        // a recording without jfr-trace snapshots: the JVM's own samples, whose counts are unknown
        List<CSVRecord> traces = read(ok("alloc", recording, "--allocated", "--csv").stdout());
        Map<List<String>, long[]> expected = new LinkedHashMap<>();
        Map<List<String>, Boolean> countKnown = new LinkedHashMap<>();
        Function<String, List<String>> keyOf = frames -> {
            String last = frames.substring(frames.lastIndexOf(';') + 1);
            String fileName = last.substring(0, last.lastIndexOf(':'));
            return switch (key) {
                case "lineno" -> List.of(fileName, last.substring(last.lastIndexOf(':') + 1));
                case "filename" -> List.of(fileName);
                default -> List.of(frames);
            };
        };
        for (CSVRecord t : traces.subList(1, traces.size())) {
            List<String> k = keyOf.apply(t.get(4));
            long[] sc = expected.computeIfAbsent(k, x -> new long[2]);
            sc[0] += Long.parseLong(t.get(1));
            sc[1] += t.get(2).isEmpty() ? 1 : Long.parseLong(t.get(2));
            countKnown.merge(k, !t.get(2).isEmpty(), Boolean::logicalAnd);
        }
        CommandLineRun run = ok("alloc", recording, "--allocated", "--key", key, "--limit", "100000", "--format", "csv");
        List<CSVRecord> stats = read(run.stdout());
        // where the numbers come from: the text's first line, on stderr beside a table
        String text = ok("alloc", recording, "--allocated", "--limit", "0").stdout();
        assertEquals(text.startsWith("# ") ? "jfr-trace alloc: " + text.substring(2) : "", run.stderr());
        List<String> header = new ArrayList<>(key.equals("lineno") ? List.of("filename", "lineno") : List.of(key));
        header.addAll(List.of("size", "count"));
        assertEquals(header, stats.get(0).toList());
        assertEquals(expected.size(), stats.size() - 1);
        long previous = Long.MAX_VALUE;
        for (CSVRecord s : stats.subList(1, stats.size())) {
            List<String> k = s.toList().subList(0, header.size() - 2);
            long[] sc = expected.get(k);
            assertTrue(sc != null, () -> k + " is no group of the traces");
            assertEquals(sc[0], Long.parseLong(s.get(header.size() - 2)), k::toString);
            String count = s.get(header.size() - 1);
            assertEquals(countKnown.get(k) ? Long.toString(sc[1]) : "", count, k::toString);
            assertTrue(sc[0] <= previous, "largest first");
            previous = sc[0];
        }
    }

    @Test
    void aSnapshotsStatisticsAreExactAndLimited() throws Exception {
        List<CSVRecord> stats = read(ok("alloc", LEAK, "--format", "csv", "--limit", "1").stdout());
        assertEquals(2, stats.size());
        String text = ok("alloc", LEAK, "--limit", "1").stdout();
        CSVRecord top = stats.get(1);
        assertTrue(text.startsWith(top.get(0) + ":" + top.get(1) + ": size="), text);
        assertTrue(text.contains(", count=" + top.get(3) + ","), text);
    }

    // --- compare: each diff is the two snapshots' statistics subtracted

    @Test
    void diffRowsAreTheNewStatisticsMinusTheOld() throws Exception {
        Map<List<String>, long[]> before = statistics(LEAK + "#before");
        Map<List<String>, long[]> after = statistics(LEAK + "#after");
        List<CSVRecord> diffs = read(ok("compare", LEAK + "#before", LEAK + "#after", "--format", "csv").stdout());
        assertEquals(List.of("filename", "lineno", "size", "size_diff", "count", "count_diff"), diffs.get(0).toList());
        assertFalse(diffs.size() < 2);
        for (CSVRecord d : diffs.subList(1, diffs.size())) {
            List<String> k = List.of(d.get(0), d.get(1));
            long[] now = after.getOrDefault(k, new long[2]);
            long[] then = before.getOrDefault(k, new long[2]);
            assertEquals(List.of(now[0], now[0] - then[0], now[1], now[1] - then[1]),
                    List.of(Long.parseLong(d.get(2)), Long.parseLong(d.get(3)), Long.parseLong(d.get(4)), Long.parseLong(d.get(5))));
        }
    }

    private static Map<List<String>, long[]> statistics(String target) throws IOException {
        Map<List<String>, long[]> out = new LinkedHashMap<>();
        List<CSVRecord> rows = read(ok("alloc", target, "--format", "csv", "--limit", "100000").stdout());
        for (CSVRecord r : rows.subList(1, rows.size())) {
            out.put(List.of(r.get(0), r.get(1)), new long[] {Long.parseLong(r.get(2)), Long.parseLong(r.get(3))});
        }
        return out;
    }

    // --- alloc --list and dumps: the text's table and threads, in numbers and raw names

    @Test
    void snapshotListRowsAreTheTextTablesRows() throws Exception {
        List<String> text = ok("alloc", LEAK, "--list").stdout().lines().toList();
        List<CSVRecord> csv = read(ok("alloc", LEAK, "--list", "--format", "csv").stdout());
        assertEquals(List.of("id", "label", "reason", "time", "current", "peak", "traces", "recorder"), csv.get(0).toList());
        assertEquals(text.size(), csv.size());
        for (int i = 1; i < csv.size(); i++) {
            String[] cols = text.get(i).strip().split("\\s+");
            CSVRecord r = csv.get(i);
            assertEquals(List.of(cols[0], cols[1], cols[2], cols[3], cols[cols.length - 3]),
                    List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(6)));
        }
    }

    @ParameterizedTest
    @CsvSource({"Deadlock.jfr", "Exceptions.jfr"})
    void threadDumpRowsAreTheTextsThreadsAndFrames(String file) throws Exception {
        String recording = SAMPLES.resolve(file).toString();
        List<String> fromText = new ArrayList<>();
        for (String line : ok("dumps", recording, "--limits", "none").stdout().lines().toList()) {
            if (line.startsWith("Thread 0x") || line.startsWith("Current thread 0x")) {
                fromText.add((line.startsWith("Current") ? "current " : "") + line.substring(line.indexOf('"'), line.lastIndexOf('"') + 1));
            } else if (line.startsWith("  File ") || line.equals("  <no Java frame>")) {
                fromText.add(line);
            }
        }
        List<CSVRecord> csv = read(ok("dumps", recording, "--format", "csv").stdout());
        assertEquals(List.of("dump", "time", "reason", "detail", "thread_id", "thread_name", "current", "frame", "filename",
                "lineno", "function"), csv.get(0).toList());
        List<String> fromCsv = new ArrayList<>();
        for (CSVRecord r : csv.subList(1, csv.size())) {
            if (r.get(7).isEmpty() || r.get(7).equals("0")) {
                fromCsv.add((r.get(6).equals("true") ? "current " : "") + "\"" + r.get(5) + "\"");
            }
            fromCsv.add(r.get(7).isEmpty() ? "  <no Java frame>" : "  File \"" + r.get(8) + "\", line "
                    + (r.get(9).isEmpty() ? "???" : r.get(9)) + " in " + r.get(10));
        }
        assertTrue(fromText.size() > 10);
        assertEquals(fromText, fromCsv);
    }
}
