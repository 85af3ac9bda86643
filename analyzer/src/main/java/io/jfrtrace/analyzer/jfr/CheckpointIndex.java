package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each chunk says about the call profile's checkpoints (schema 3, docs/events.md): the run that wrote it
 * ({@code jfrtrace.RecordingInfo.runId}) and the headers of the checkpoints it holds. Reading it decodes two small
 * events per chunk and steps over the rest; from it, {@link #plan} says which chunks the profile needs.
 */
final class CheckpointIndex implements Source<CheckpointIndex.ChunkInfo> {
    /** A checkpoint's header and the chunk it is in. */
    record Checkpoint(int chunk, String runId, long id, long flush, int functions, int callers) {
    }

    /** One chunk: when it began, its run (null in recordings before schema 3) and its checkpoints. */
    record ChunkInfo(int chunk, long startNanos, String[] runId, List<Checkpoint> checkpoints) {
        String run() {
            if (runId[0] != null) {
                return runId[0];
            }
            return checkpoints.isEmpty() ? null : checkpoints.get(0).runId();
        }
    }

    /**
     * How to read one chunk: skip it, or take the deltas of flushes after {@code afterFlush} (-1: all) and the
     * entries of checkpoint {@code checkpoint} (null: none).
     */
    record ChunkPlan(boolean read, long afterFlush, Checkpoint checkpoint) {
        static final ChunkPlan ALL = new ChunkPlan(true, -1, null);
        static final ChunkPlan SKIP = new ChunkPlan(false, -1, null);
    }

    private final List<ChunkInfo> chunks = new ArrayList<>();

    @Override
    public ChunkInfo chunk(Handlers on) {
        ChunkInfo info = new ChunkInfo(on.chunk(), on.chunkStartNanos(), new String[1], new ArrayList<>());
        on.on(OurEvents.RECORDING_INFO, (e, s) -> {
            if (info.runId[0] == null) {
                info.runId[0] = e.runId;
            }
        });
        on.on(OurEvents.PROFILE_CHECKPOINT, (e, s) -> info.checkpoints.add(new Checkpoint(on.chunk(), e.runId,
                e.checkpoint, e.flush, e.functionCount, e.callerCount)));
        return info;
    }

    @Override
    public void add(ChunkInfo part) {
        chunks.add(part);
    }

    /**
     * The recordings of the file, each a run's chunks in a row: a chunk that no run claims is on its own; a chunk of
     * the same run as the one before but that began no later starts another (the same recording concatenated again
     * counts again, as its deltas always did).
     */
    private Map<Integer, Integer> segments() {
        Map<Integer, Integer> out = new HashMap<>();
        int segment = -1;
        ChunkInfo previous = null;
        for (ChunkInfo c : chunks) {
            if (c.run() == null || previous == null || !c.run().equals(previous.run())
                    || c.startNanos() <= previous.startNanos()) {
                segment++;
            }
            out.put(c.chunk(), segment);
            previous = c;
        }
        return out;
    }

    /**
     * Per chunk (by index): for each recording of a run ({@link #segments}), its last checkpoint (but those in
     * {@code unusable}) and what follows it; all of a chunk that no run claims or whose recording has no checkpoint;
     * nothing before a recording's checkpoint.
     */
    Map<Integer, ChunkPlan> plan(Set<Checkpoint> unusable) {
        Map<Integer, Integer> segments = segments();
        Map<Integer, Checkpoint> last = new HashMap<>();
        for (ChunkInfo c : chunks) {
            if (c.run() == null) {
                continue;
            }
            for (Checkpoint cp : c.checkpoints()) {
                Checkpoint known = last.get(segments.get(c.chunk()));
                if (!unusable.contains(cp) && (known == null || cp.flush() >= known.flush())) {
                    last.put(segments.get(c.chunk()), cp);
                }
            }
        }
        Map<Integer, ChunkPlan> plans = new HashMap<>();
        for (ChunkInfo c : chunks) {
            Checkpoint cp = c.run() == null ? null : last.get(segments.get(c.chunk()));
            ChunkPlan p;
            if (cp == null) {
                p = ChunkPlan.ALL;
            } else if (c.chunk() < cp.chunk()) {
                p = ChunkPlan.SKIP;
            } else {
                p = new ChunkPlan(true, cp.flush(), c.chunk() == cp.chunk() ? cp : null);
            }
            plans.put(c.chunk(), p);
        }
        return plans;
    }
}
