package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.CallTree;

/**
 * The call tree of a recording ({@code record --call-tree}; docs/events.md, schema 2.6), read as the call profile is
 * ({@link CheckpointRead}): per recording in the file, its last complete checkpoint ({@code jfrtrace.CallTreeTotals}:
 * every path and its counters since the run began) plus the {@code jfrtrace.CallTreeCounts} of the flushes after it;
 * without one (a run cut short before its first chunk ended), all its counts. Nodes are numbered per run, so each
 * chunk's part says its run ({@code jfrtrace.RecordingInfo.runId}); paths are made once every part is in, parents
 * (lower numbers) first, and the paths of all runs merge by their functions.
 */
public final class CallTreeReader implements CheckpointRead.Totals<CallTreeReader.Part> {
    /** Per run: its nodes (id → parent and function) and their sums (calls, self, total ns). */
    private final Map<String, Run> runs = new LinkedHashMap<>();

    private CallTreeReader() {
    }

    private record Row(int parent, FunctionKey function) {
    }

    private static final class Run {
        final Map<Integer, Row> nodes = new HashMap<>();
        final Map<Integer, long[]> sums = new HashMap<>();
    }

    /** One chunk's run, tables and counts, and how many entries of its plan's checkpoint it read. */
    static final class Part {
        private String runId;
        private final Run run = new Run();
        private long entries;
    }

    /**
     * Whether some chunk of the file may hold a call tree (its metadata names the type: the file was recorded with
     * {@code --call-tree}); a cheap look before a read.
     */
    public static boolean mayHold(Path file) throws IOException {
        return Recording.open(file).mayDeclare(OurEvents.CALL_TREE_NODE.name());
    }

    /** The recording's call tree; an empty tree if it holds none. */
    public static CallTree read(Path file, ReadProgress progress) throws IOException {
        Recording recording = Recording.open(file).progress(progress);
        if (!recording.mayDeclare(OurEvents.CALL_TREE_NODE.name())) {
            return new CallTree();
        }
        return CheckpointRead.read(recording, CheckpointKind.CALL_TREE, CallTreeReader::new).tree();
    }

    @Override
    public Part chunk(Handlers on, CheckpointIndex.ChunkPlan plan) {
        Part part = new Part();
        long after = plan.afterFlush();
        CheckpointIndex.Checkpoint cp = plan.checkpoint();
        on.on(OurEvents.RECORDING_INFO, (e, symbols) -> {
            if (part.runId == null) {
                part.runId = e.runId;
            }
        });
        // a path's table is the same whenever it was written: every one of the chunks read counts
        on.on(OurEvents.CALL_TREE_NODE, (e, symbols) -> part.run.nodes.put(e.node,
                new Row(e.parent, new FunctionKey(e.file, e.line, e.function))));
        // in the checkpoint's chunk, the counts written before its header are its own (as in ProfileReader)
        on.on(OurEvents.CALL_TREE_COUNTS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.run, e.node, e.callCount, e.inlineTime, e.totalTime);
            }
        }, cp == null ? Long.MIN_VALUE : cp.startTicks());
        if (cp != null) {
            on.on(OurEvents.CALL_TREE_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    part.run.nodes.put(e.node, new Row(e.parent, new FunctionKey(e.file, e.line, e.function)));
                    add(part.run, e.node, e.callCount, e.inlineTime, e.totalTime);
                    part.entries++;
                }
            });
        }
        return part;
    }

    private static void add(Run run, int node, long calls, long self, long total) {
        long[] s = run.sums.computeIfAbsent(node, k -> new long[3]);
        s[0] += calls;
        s[1] += self;
        s[2] += total;
    }

    @Override
    public long entries(Part part) {
        return part.entries;
    }

    @Override
    public void fold(Part part) {
        Run run = runs.computeIfAbsent(part.runId == null ? "" : part.runId, k -> new Run());
        run.nodes.putAll(part.run.nodes);
        part.run.sums.forEach((node, s) -> add(run, node, s[0], s[1], s[2]));
    }

    /** The paths of every run, merged. A node whose parent's table is not in the file hangs under "(unknown path)". */
    private CallTree tree() {
        CallTree tree = new CallTree();
        for (Run run : runs.values()) {
            Map<Integer, CallTree.Node> made = new HashMap<>();
            made.put(0, tree.root());
            for (Map.Entry<Integer, Row> e : new TreeMap<>(run.nodes).entrySet()) { // a parent before its children
                CallTree.Node parent = made.get(e.getValue().parent());
                if (parent == null) {
                    parent = tree.child(tree.root(), UNKNOWN);
                }
                CallTree.Node node = tree.child(parent, e.getValue().function());
                made.put(e.getKey(), node);
                long[] s = run.sums.get(e.getKey());
                if (s != null) {
                    tree.add(node, s[0], s[1], s[2]);
                }
            }
        }
        return tree;
    }

    /** Where a path goes whose parent's table the file lacks (which a recording of jfr-trace's never does). */
    static final FunctionKey UNKNOWN = new FunctionKey("~", 0, "(unknown path)");
}
