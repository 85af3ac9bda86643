package io.jfrtrace.analyzer.jfr;

import io.jfrtrace.schema.ProfileCheckpointEvent;

import io.jfrtrace.schema.CallerTotalsEvent;

import io.jfrtrace.schema.FunctionTotalsEvent;

import io.jfrtrace.schema.CallerStatsEvent;

import io.jfrtrace.schema.FunctionStatsEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.pstats.ProfileTable.Counters;

/**
 * Checkpoints of the call profile (schema 2.2): per run, the last complete checkpoint plus the deltas of later flushes;
 * chunks before it may be gone. Each chunk here is a recording of its own, written with the schema's test copies.
 */
class ProfileCheckpointTest {
    static final FunctionKey A = new FunctionKey("com/example/A.java", 3, "A.a");
    static final FunctionKey B = new FunctionKey("com/example/B.java", 7, "B.b");

    @TempDir
    Path dir;

    private int chunks;

    /** One chunk: RecordingInfo of {@code run}, then what {@code body} commits. */
    private byte[] chunk(String run, Runnable body) throws Exception {
        return SchemaEvents.chunk(dir.resolve("chunk" + chunks++ + ".jfr"), run, body);
    }

    private static void delta(FunctionKey k, long flush, long calls) {
        FunctionStatsEvent e = new FunctionStatsEvent();
        e.file = k.file();
        e.line = k.line();
        e.function = k.name();
        e.callCount = calls;
        e.inlineTime = calls * 10;
        e.totalTime = calls * 100;
        e.flush = flush;
        e.commit();
    }

    private static void edge(FunctionKey caller, FunctionKey callee, long flush, long calls) {
        CallerStatsEvent e = new CallerStatsEvent();
        e.callerFile = caller.file();
        e.callerLine = caller.line();
        e.callerFunction = caller.name();
        e.file = callee.file();
        e.line = callee.line();
        e.function = callee.name();
        e.callCount = calls;
        e.totalTime = calls * 100;
        e.flush = flush;
        e.commit();
    }

    private static void totals(long checkpoint, FunctionKey k, long calls) {
        FunctionTotalsEvent e = new FunctionTotalsEvent();
        e.checkpoint = checkpoint;
        e.file = k.file();
        e.line = k.line();
        e.function = k.name();
        e.callCount = calls;
        e.inlineTime = calls * 10;
        e.totalTime = calls * 100;
        e.commit();
    }

    private static void callerTotals(long checkpoint, FunctionKey caller, FunctionKey callee, long calls) {
        CallerTotalsEvent e = new CallerTotalsEvent();
        e.checkpoint = checkpoint;
        e.callerFile = caller.file();
        e.callerLine = caller.line();
        e.callerFunction = caller.name();
        e.file = callee.file();
        e.line = callee.line();
        e.function = callee.name();
        e.callCount = calls;
        e.totalTime = calls * 100;
        e.commit();
    }

    private static void header(String run, long checkpoint, long flush, int functions, int callers) {
        ProfileCheckpointEvent e = new ProfileCheckpointEvent();
        e.runId = run;
        e.checkpoint = checkpoint;
        e.flush = flush;
        e.functionCount = functions;
        e.callerCount = callers;
        e.commit();
    }

    private ProfileTable read(byte[]... chunksInFile) throws Exception {
        return ProfileReader.read(SchemaEvents.concatenate(dir.resolve("file" + chunks++ + ".jfr"), chunksInFile));
    }

    /** A run of three chunks: flushes 1-2, then 3 and checkpoint 1 (after flush 3), then 4 and checkpoint 2 cut off. */
    private byte[][] run(String id) throws Exception {
        byte[] first = chunk(id, () -> {
            delta(A, 1, 1);
            delta(A, 2, 2);
            edge(A, B, 2, 5);
            delta(B, 2, 5);
        });
        byte[] second = chunk(id, () -> {
            delta(A, 3, 4);
            totals(1, A, 7);
            totals(1, B, 5);
            callerTotals(1, A, B, 5);
            header(id, 1, 3, 2, 1);
            delta(B, 4, 1); // flushed after the checkpoint, before the chunk ended
            edge(A, B, 4, 1);
        });
        byte[] third = chunk(id, () -> {
            delta(A, 5, 8);
        });
        return new byte[][] {first, second, third};
    }

    @Test
    void aRunReadsAsItsLastCheckpointPlusTheLaterFlushesWithOrWithoutTheChunksBefore() throws Exception {
        byte[][] run = run("run-1");
        for (ProfileTable t : List.of(read(run[0], run[1], run[2]), read(run[1], run[2]))) {
            assertEquals(new Counters(15, 0, 150, 1500), t.functions().get(A));
            assertEquals(new Counters(6, 0, 60, 600), t.functions().get(B));
            assertEquals(new Counters(6, 0, 0, 600), t.calls().get(new ProfileTable.Edge(A, B)));
            assertEquals(List.of(A, B), new ArrayList<>(t.functions().keySet()));
        }
    }

    /** Each event decodes its names anew: a table of the keys its events made would hold one copy per edge end. */
    @Test
    void aFunctionIsOneKeyObjectInItsEntryAndInEveryEdge() throws Exception {
        byte[][] run = run("run-1");
        for (ProfileTable t : List.of(read(run[0]), read(run[1], run[2]))) {
            FunctionKey a = t.functions().keySet().stream().filter(A::equals).findFirst().orElseThrow();
            FunctionKey b = t.functions().keySet().stream().filter(B::equals).findFirst().orElseThrow();
            ProfileTable.Edge edge = t.calls().keySet().iterator().next();
            assertSame(a, edge.caller());
            assertSame(b, edge.callee());
        }
    }

    @Test
    void concatenatedRunsAddUpEachFromItsOwnCheckpoint() throws Exception {
        byte[][] one = run("run-1");
        byte[][] two = run("run-2");
        ProfileTable t = read(one[1], one[2], two[0], two[1], two[2]);
        assertEquals(new Counters(30, 0, 300, 3000), t.functions().get(A));
        assertEquals(new Counters(12, 0, 0, 1200), t.calls().get(new ProfileTable.Edge(A, B)));
    }

    @Test
    void theSameRecordingConcatenatedTwiceCountsTwiceAsItsDeltasAlwaysDid() throws Exception {
        byte[][] run = run("run-1");
        ProfileTable t = read(run[1], run[2], run[1], run[2]);
        assertEquals(new Counters(30, 0, 300, 3000), t.functions().get(A));
    }

    @Test
    void aCheckpointWithFewerEntriesThanItsHeaderSaysGivesWayToTheOneBefore() throws Exception {
        byte[][] run = run("run-1");
        byte[] cut = chunk("run-1", () -> {
            delta(A, 6, 16);
            totals(2, A, 31); // B's entry and the edge's are missing
            header("run-1", 2, 6, 2, 1);
        });
        ProfileTable t = read(run[0], run[1], run[2], cut);
        assertEquals(new Counters(31, 0, 310, 3100), t.functions().get(A));
        assertEquals(new Counters(6, 0, 60, 600), t.functions().get(B));
    }

    @Test
    void aRecordingBeforeSchema3SumsItsDeltas() throws Exception {
        Path samples = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"));
        ProfileTable t = ProfileReader.read(samples.resolve("Factorial.jfr"));
        Counters fact = t.functions().entrySet().stream().filter(e -> e.getKey().name().equals("Factorial.fact"))
                .findFirst().orElseThrow().getValue();
        assertEquals(436, fact.callCount()); // docs/events.md: fact is 436/30
        assertEquals(406, fact.recursiveCallCount());
    }
}
