package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads totals that have checkpoints (docs/events.md, {@link CheckpointKind}): for each recording in the file (a run
 * of chunks, {@link ChunkedRecording#recordings}), its last complete checkpoint plus the deltas of the flushes after
 * it; without one (a recording written before the kind had checkpoints, or a run cut short before its first chunk
 * ended), all its deltas. A recording's chunks are looked at from its last one back, only until a checkpoint is found
 * ({@link CheckpointPlanner}): the chunks before it are not read at all (JFR may have dropped them), so the time a
 * read takes does not grow with the run. A checkpoint with fewer entries than its header says gives way to the one
 * before it: the read starts over.
 */
final class CheckpointRead<P> implements Source<CheckpointRead.Chunk<P>> {
    /** What one kind's reader does with the chunks the plan says to read; made anew for each attempt. */
    interface Totals<P> {
        /** Registers the handlers of one chunk read under {@code plan}; returns the part they fill. */
        P chunk(Handlers on, CheckpointIndex.ChunkPlan plan);

        /** How many entries of its plan's checkpoint a part read (once its chunk has been read). */
        long entries(P part);

        /** Adds one chunk's part; parts come in chunk order. */
        void fold(P part);
    }

    /** One chunk's part and how it was read. */
    record Chunk<P>(int chunk, CheckpointIndex.ChunkPlan plan, P part) {
        static <P> Chunk<P> register(Handlers on, CheckpointIndex.ChunkPlan plan, Totals<P> reader) {
            return new Chunk<>(on.chunk(), plan, reader.chunk(on, plan));
        }
    }

    private final Map<Integer, CheckpointIndex.ChunkPlan> plans;
    /** The planning pass's parts, folded in among this pass's in chunk order. */
    private final NavigableMap<Integer, Chunk<P>> planned;
    private final Totals<P> totals;
    private CheckpointIndex.Checkpoint incomplete;

    private CheckpointRead(CheckpointPlanner<P> planner, Totals<P> totals) {
        this.plans = planner.plans;
        this.planned = new TreeMap<>(planner.parts);
        this.totals = totals;
    }

    /** The totals of {@code kind} in {@code recording}, as the last attempt's {@link Totals} folded them. */
    static <P, T extends Totals<P>> T read(Recording recording, CheckpointKind<?> kind, Supplier<T> attempt)
            throws IOException {
        Set<CheckpointIndex.Checkpoint> unusable = new HashSet<>();
        while (true) {
            T totals = attempt.get();
            CheckpointPlanner<P> planner = new CheckpointPlanner<>(recording, kind, unusable, totals);
            planner.run();
            CheckpointRead<P> rest = new CheckpointRead<>(planner, totals);
            recording.read(chunk -> rest.plans.get(chunk).read() && !rest.planned.containsKey(chunk), List.of(rest));
            if (rest.incomplete != null) { // fewer entries than its header says: the one before it
                unusable.add(rest.incomplete);
                continue;
            }
            rest.foldPlannedBefore(Integer.MAX_VALUE);
            return totals;
        }
    }

    @Override
    public Chunk<P> chunk(Handlers on) {
        return Chunk.register(on, plans.get(on.chunk()), totals);
    }

    @Override
    public void add(Chunk<P> c) {
        CheckpointIndex.Checkpoint cp = c.plan().checkpoint();
        if (cp != null && totals.entries(c.part()) < cp.entries()) {
            incomplete = cp;
        }
        foldPlannedBefore(c.chunk()); // parts come in chunk order (the read merges them so)
        totals.fold(c.part());
    }

    /** Folds in the planning pass's parts of the chunks before {@code chunk}. */
    private void foldPlannedBefore(int chunk) {
        while (!planned.isEmpty() && planned.firstKey() < chunk) {
            totals.fold(planned.pollFirstEntry().getValue().part());
        }
    }
}
