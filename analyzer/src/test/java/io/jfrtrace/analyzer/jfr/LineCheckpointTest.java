package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.trace.CoverageResults;
import io.jfrtrace.analyzer.trace.CoverageResults.LineKey;
import io.jfrtrace.analyzer.trace.FileCoverage;
import io.jfrtrace.schema.LineCheckpointEvent;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineTableEvent;
import io.jfrtrace.schema.LineTotalsEvent;

/**
 * Checkpoints of the line counts (schema 2.4), read by the call profile's rule: per run, the last complete checkpoint
 * plus the deltas of later flushes; the chunks before it, with their tables and deltas, may be gone.
 */
class LineCheckpointTest {
    static final String FILE = "com/example/A.java";

    @TempDir
    Path dir;

    private int chunks;

    private byte[] chunk(String run, Runnable body) throws Exception {
        return SchemaEvents.chunk(dir.resolve("chunk" + chunks++ + ".jfr"), run, body);
    }

    private CoverageResults read(byte[]... chunksInFile) throws Exception {
        return LineCountsReader.read(SchemaEvents.concatenate(dir.resolve("file" + chunks++ + ".jfr"), chunksInFile));
    }

    private static void table(long flush) {
        LineTableEvent e = new LineTableEvent();
        e.file = FILE;
        e.className = "com.example.A";
        e.lines = "3,4,9";
        e.flush = flush;
        e.commit();
    }

    private static void delta(long flush, String counts) {
        LineCountsEvent e = new LineCountsEvent();
        e.file = FILE;
        e.className = "com.example.A";
        e.counts = counts;
        e.flush = flush;
        e.commit();
    }

    private static void totals(long checkpoint, String counts) {
        LineTotalsEvent e = new LineTotalsEvent();
        e.checkpoint = checkpoint;
        e.file = FILE;
        e.className = "com.example.A";
        e.lines = "3,4,9";
        e.counts = counts;
        e.commit();
    }

    private static void header(String run, long checkpoint, long flush, int classes) {
        new LineCheckpointEvent(run, checkpoint, flush, classes).commit();
    }

    /** Flushes 1-2 (with the table), then 3 and checkpoint 1 (after flush 3) and flush 4, then flush 5. */
    private byte[][] run(String id) throws Exception {
        byte[] first = chunk(id, () -> {
            table(1);
            delta(1, "3:1,4:2");
            delta(2, "4:3");
        });
        byte[] second = chunk(id, () -> {
            delta(3, "4:1");
            totals(1, "3:1,4:6");
            header(id, 1, 3, 1);
            delta(4, "4:10"); // flushed after the checkpoint, before the chunk ended
        });
        byte[] third = chunk(id, () -> delta(5, "3:1"));
        return new byte[][] {first, second, third};
    }

    private static Map<LineKey, Long> counts(long three, long four) {
        return Map.of(new LineKey(FILE, 3), three, new LineKey(FILE, 4), four);
    }

    @Test
    void aRunReadsAsItsLastCheckpointPlusTheLaterFlushesWithOrWithoutTheChunksBefore() throws Exception {
        byte[][] run = run("run-1");
        for (CoverageResults r : List.of(read(run[0], run[1], run[2]), read(run[1], run[2]))) {
            assertEquals(counts(2, 16), r.counts());
            // line 9 never ran: the checkpoint still says it is executable, with the first chunk's table gone
            FileCoverage f = r.perFile().get(0);
            assertEquals(List.of(3, 4, 9), List.copyOf(f.executable()));
        }
    }

    @Test
    void concatenatedRunsAddUpEachFromItsOwnCheckpoint() throws Exception {
        byte[][] one = run("run-1");
        byte[][] two = run("run-2");
        assertEquals(counts(4, 32), read(one[1], one[2], two[0], two[1], two[2]).counts());
    }

    @Test
    void aCheckpointWithFewerEntriesThanItsHeaderSaysGivesWayToTheOneBefore() throws Exception {
        byte[][] run = run("run-1");
        byte[] cut = chunk("run-1", () -> {
            delta(6, "4:100");
            totals(2, "3:2,4:116"); // one of two classes' entries
            header("run-1", 2, 6, 2);
        });
        assertEquals(counts(2, 116), read(run[0], run[1], run[2], cut).counts());
    }

    @Test
    void aRecordingWithoutCheckpointsSumsItsDeltas() throws Exception {
        byte[] only = chunk("run-1", () -> {
            table(1);
            delta(1, "3:1,4:2");
            delta(2, "4:3");
        });
        assertEquals(counts(1, 5), read(only).counts());
    }
}
