package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one chunk says about the checkpoints of one {@link CheckpointKind} (docs/events.md): the run that wrote it
 * ({@code jfrtrace.RecordingInfo.runId}) and the headers of the checkpoints it holds; and how {@link CheckpointRead}
 * then reads a chunk. Reading it decodes two small events per chunk and steps over the rest.
 */
final class CheckpointIndex {
    private CheckpointIndex() {
    }

    /**
     * A checkpoint's header and the chunk it is in. {@code entries}: how many entry events its header says it has;
     * {@code startTicks}: when its header was committed (ticks of its chunk): every later flush's deltas start after.
     */
    record Checkpoint(int chunk, String runId, long id, long flush, long entries, long startTicks) {
    }

    /** One chunk: its run (null if it holds no RecordingInfo) and its checkpoints. */
    record ChunkInfo(int chunk, String[] runId, List<Checkpoint> checkpoints) {
        /** The checkpoint of the highest flush, but those in {@code unusable}; null if none. */
        Checkpoint lastCheckpoint(Set<Checkpoint> unusable) {
            Checkpoint best = null;
            for (Checkpoint cp : checkpoints) {
                if (!unusable.contains(cp) && (best == null || cp.flush() >= best.flush())) {
                    best = cp;
                }
            }
            return best;
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

    /** Registers the handlers that fill one chunk's {@link ChunkInfo} about the checkpoints of {@code kind}. */
    static ChunkInfo chunk(Handlers on, CheckpointKind<?> kind) {
        ChunkInfo info = new ChunkInfo(on.chunk(), new String[1], new ArrayList<>());
        on.on(OurEvents.RECORDING_INFO, (e, s) -> {
            if (info.runId[0] == null) {
                info.runId[0] = e.runId;
            }
        });
        kind.onHeaders(on, h -> info.checkpoints.add(new Checkpoint(on.chunk(), h.runId() != null ? h.runId()
                : info.runId[0], h.id(), h.flush(), h.entries(), h.time())));
        return info;
    }
}
