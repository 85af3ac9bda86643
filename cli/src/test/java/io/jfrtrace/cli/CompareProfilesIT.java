package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare OLD NEW} on call profiles: one program recorded twice by the real agent, the second time with one
 * step doing far more work per call and every step called a different number of times.
 */
class CompareProfilesIT {
    static final String CRUNCH = "(Pipeline.crunch)";
    static final String PARSE = "(Pipeline.parse)";
    static final String MAIN = "(Pipeline.main)";
    static final String EXTRA = "(Pipeline.extra)";

    @TempDir
    static Path work;

    @BeforeAll
    static void recordTwice() throws Exception {
        Path classes = SamplePrograms.compiled();
        // old: 5 rounds, 1 M iterations per crunch; new: 7 rounds, 60 M per crunch, and extra() once
        record("old.jfr", classes, "5", "1000000");
        record("new.jfr", classes, "7", "60000000", "extra");
    }

    private static void record(String out, Path classes, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("record", "-o", out, "-cp", classes.toString(),
                "com.example.diff.Pipeline"));
        cmd.addAll(List.of(args));
        JfrTraceRun rec = JfrTraceRun.run(work, cmd.toArray(String[]::new));
        assertEquals(0, rec.exitCode(), rec::toString);
    }

    static JfrTraceRun compare(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        JfrTraceRun run = JfrTraceRun.run(work, all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.stderr(), run::toString);
        return run;
    }

    /** The table's rows (after the two title lines), each split into its 11 cells and the name. */
    static List<String[]> rows(JfrTraceRun run) {
        List<String> lines = run.lines();
        int titles = lines.indexOf(lines.stream().filter(l -> l.endsWith("% filename:lineno(function)")).findFirst()
                .orElseThrow(() -> new AssertionError("no table in\n" + run)));
        return lines.subList(titles + 1, lines.size()).stream().filter(l -> !l.isEmpty())
                .map(l -> l.strip().split(" +", 12)).toList();
    }

    static String[] row(List<String[]> rows, String name) {
        return rows.stream().filter(r -> r[11].endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
    }

    @Test
    void theSlowerFunctionComesFirstWithTheExactCallCountDifference() throws Exception {
        JfrTraceRun run = compare("old.jfr", "new.jfr", "--sort", "totdiff");
        assertTrue(run.lines().containsAll(List.of("   old: old.jfr", "   new: new.jfr", "   Ordered by: change of internal time")),
                run::toString);
        List<String[]> rows = rows(run);
        String[] crunch = rows.get(0);
        assertTrue(crunch[11].endsWith(CRUNCH), run::toString);
        assertEquals(List.of("5", "7", "+2"), List.of(crunch).subList(0, 3), run::toString);
        assertTrue(Double.parseDouble(crunch[5]) > 0.05, run::toString); // the tottime difference: 59 M iterations more
        assertEquals(List.of("500", "700", "+200"), List.of(row(rows, PARSE)).subList(0, 3), run::toString);
        String[] extra = row(rows, EXTRA);
        assertEquals(List.of("-", "1", "+1"), List.of(extra).subList(0, 3), run::toString);
        assertEquals("new", extra[6], run::toString);
        assertEquals("new", extra[10], run::toString);

        // by the change of cumulative time (the default), crunch and its caller main lead: main's cumtime holds it
        List<String[]> byCum = rows(compare("old.jfr", "new.jfr"));
        assertEquals(Set.of(MAIN, CRUNCH), Set.of(name(byCum.get(0)), name(byCum.get(1))), byCum::toString);
    }

    private static String name(String[] row) {
        return row[11].substring(row[11].lastIndexOf('('));
    }

    @Test
    void severalFilesOnASideAreMergedAndTheCallsAddUp() throws Exception {
        JfrTraceRun run = compare("old.jfr", "new.jfr,new.jfr", "-s", "callsdiff", "-r", "Pipeline\\.(crunch|parse)");
        assertTrue(run.lines().contains("   new: new.jfr, new.jfr"), run::toString);
        List<String[]> rows = rows(run);
        assertEquals(2, rows.size(), run::toString);
        assertEquals(List.of("500", "1400", "+900"), List.of(rows.get(0)).subList(0, 3), run::toString);
        assertEquals(List.of("5", "14", "+9"), List.of(rows.get(1)).subList(0, 3), run::toString);
    }

    @Test
    void csvHasTheDocumentedHeaderAndTheSameRows() throws Exception {
        JfrTraceRun run = compare("old.jfr", "new.jfr", "--sort", "totdiff", "--format", "csv");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.stdout())).getRecords();
        assertEquals("status,old_ncalls,new_ncalls,ncalls_diff,old_primitive_calls,new_primitive_calls,"
                + "primitive_calls_diff,old_tottime,new_tottime,tottime_diff,tottime_pct,old_cumtime,new_cumtime,"
                + "cumtime_diff,cumtime_pct,filename,lineno,function", run.lines().get(0));
        CSVRecord first = records.get(0);
        assertEquals("Pipeline.crunch", first.get("function"));
        assertEquals("com/example/diff/Pipeline.java", first.get("filename"));
        assertEquals(List.of("both", "5", "7", "2"), List.of(first.get("status"), first.get("old_ncalls"),
                first.get("new_ncalls"), first.get("ncalls_diff")));
        assertTrue(Double.parseDouble(first.get("tottime_diff")) > 0.05, run::toString);
        Map<String, CSVRecord> byName = records.stream().collect(Collectors.toMap(r -> r.get("function"), Function.identity()));
        assertEquals("200", byName.get("Pipeline.parse").get("ncalls_diff"));
        CSVRecord extra = byName.get("Pipeline.extra");
        assertEquals(List.of("new", "", "1", "1", ""), List.of(extra.get("status"), extra.get("old_ncalls"),
                extra.get("new_ncalls"), extra.get("ncalls_diff"), extra.get("cumtime_pct")));
    }
}
