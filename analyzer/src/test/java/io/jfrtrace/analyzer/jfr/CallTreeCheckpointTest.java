package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.stacks.CallTree;
import io.jfrtrace.schema.CallTreeCheckpointEvent;
import io.jfrtrace.schema.CallTreeCountsEvent;
import io.jfrtrace.schema.CallTreeNodeEvent;
import io.jfrtrace.schema.CallTreeTotalsEvent;

/**
 * The call tree (schema 2.6) is read by the call profile's rule: per run, the last complete checkpoint plus the counts
 * of later flushes, the chunks before it (with the first paths' tables) possibly gone; node numbers are the run's own.
 */
class CallTreeCheckpointTest {
    static final String FILE = "com/example/T.java";

    @TempDir
    Path dir;

    private int chunks;

    private byte[] chunk(String run, Runnable body) throws Exception {
        return SchemaEvents.chunk(dir.resolve("chunk" + chunks++ + ".jfr"), run, body);
    }

    /** Each path as its functions joined by ";", with its calls, self and total time. */
    private Map<String, List<Long>> read(byte[]... chunksInFile) throws Exception {
        CallTree tree = CallTreeReader.read(SchemaEvents.concatenate(dir.resolve("file" + chunks++ + ".jfr"), chunksInFile),
                ReadProgress.NONE);
        Map<String, List<Long>> out = new TreeMap<>();
        tree.forEach(n -> out.put(n.path().stream().map(f -> f.name()).collect(Collectors.joining(";")),
                List.of(n.calls(), n.self(), n.total())));
        return out;
    }

    private static void node(int node, int parent, String function, long flush) {
        CallTreeNodeEvent e = new CallTreeNodeEvent();
        e.node = node;
        e.parent = parent;
        e.file = FILE;
        e.line = 1;
        e.function = function;
        e.flush = flush;
        e.commit();
    }

    private static void counts(int node, long calls, long self, long total, long flush) {
        CallTreeCountsEvent e = new CallTreeCountsEvent();
        e.node = node;
        e.callCount = calls;
        e.inlineTime = self;
        e.totalTime = total;
        e.flush = flush;
        e.commit();
    }

    private static void totals(long checkpoint, int node, int parent, String function, long calls, long self, long total) {
        CallTreeTotalsEvent e = new CallTreeTotalsEvent();
        e.checkpoint = checkpoint;
        e.node = node;
        e.parent = parent;
        e.file = FILE;
        e.line = 1;
        e.function = function;
        e.callCount = calls;
        e.inlineTime = self;
        e.totalTime = total;
        e.commit();
    }

    /** Flushes 1-2 (with the tables), then 3 and checkpoint 1 (after flush 3) and flush 4 (a new path), then flush 5. */
    private byte[][] run(String id) throws Exception {
        byte[] first = chunk(id, () -> {
            node(1, 0, "T.main", 1);
            node(2, 1, "T.a", 1);
            counts(2, 3, 30, 30, 1);
            counts(2, 2, 20, 20, 2);
        });
        byte[] second = chunk(id, () -> {
            counts(2, 1, 10, 10, 3);
            totals(1, 1, 0, "T.main", 0, 0, 0);
            totals(1, 2, 1, "T.a", 6, 60, 60);
            new CallTreeCheckpointEvent(id, 1, 3, 2).commit();
            node(3, 1, "T.b", 4); // flushed after the checkpoint, before the chunk ended
            counts(3, 1, 5, 5, 4);
        });
        byte[] third = chunk(id, () -> counts(1, 1, 100, 165, 5));
        return new byte[][] {first, second, third};
    }

    private static Map<String, List<Long>> paths(long a, long b) {
        return Map.of("T.main", List.of(a / 6, 100 * a / 6, 165 * a / 6), "T.main;T.a", List.of(a, 10 * a, 10 * a),
                "T.main;T.b", List.of(b, 5 * b, 5 * b));
    }

    @Test
    void aRunReadsAsItsLastCheckpointPlusTheLaterFlushesWithOrWithoutTheChunksBefore() throws Exception {
        byte[][] run = run("run-1");
        assertEquals(paths(6, 1), read(run[0], run[1], run[2]));
        assertEquals(paths(6, 1), read(run[1], run[2]), "the first chunk, with the tables of main and a, is gone");
    }

    @Test
    void concatenatedRunsMergeByPathWhateverTheirNodeNumbers() throws Exception {
        byte[][] one = run("run-1");
        byte[] other = chunk("run-2", () -> { // node 2 is b in this run
            node(1, 0, "T.main", 1);
            node(2, 1, "T.b", 1);
            counts(2, 7, 35, 35, 1);
        });
        Map<String, List<Long>> both = read(one[1], one[2], other);
        assertEquals(List.of(6L, 60L, 60L), both.get("T.main;T.a"));
        assertEquals(List.of(8L, 40L, 40L), both.get("T.main;T.b"));
    }

    @Test
    void aCheckpointWithFewerEntriesThanItsHeaderSaysGivesWayToTheOneBefore() throws Exception {
        byte[][] run = run("run-1");
        byte[] cut = chunk("run-1", () -> {
            counts(2, 1, 10, 10, 6);
            totals(2, 1, 0, "T.main", 1, 100, 165); // one of three paths' entries
            new CallTreeCheckpointEvent("run-1", 2, 6, 3).commit();
        });
        assertEquals(List.of(7L, 70L, 70L), read(run[0], run[1], run[2], cut).get("T.main;T.a"));
    }

    @Test
    void aRunCutShortBeforeItsFirstCheckpointSumsItsCounts() throws Exception {
        byte[] only = chunk("run-1", () -> {
            node(1, 0, "T.main", 1);
            node(2, 1, "T.a", 1);
            counts(2, 3, 30, 30, 1);
            counts(2, 2, 20, 20, 2);
        });
        assertEquals(Map.of("T.main", List.of(0L, 0L, 0L), "T.main;T.a", List.of(5L, 50L, 50L)), read(only));
    }
}
