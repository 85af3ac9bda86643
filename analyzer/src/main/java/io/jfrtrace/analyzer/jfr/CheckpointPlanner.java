package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, per recording in the file, which chunks to read and how, for the totals of one {@link CheckpointKind}: it
 * looks at each recording's last chunk, then back one chunk at a time while none holds a usable checkpoint (all
 * recordings' next chunks in one pass). A chunk written before the kind had checkpoints (its metadata knows neither
 * checkpoints nor flush numbers nor run ids) is read whole at once, and so is the rest of its recording: those parts
 * are in {@link #parts}.
 */
final class CheckpointPlanner<P> implements Source<Object> {
    private final Recording recording;
    private final CheckpointKind<?> kind;
    private final Set<CheckpointIndex.Checkpoint> unusable;
    private final CheckpointRead.Totals<P> reader;
    final Map<Integer, CheckpointIndex.ChunkPlan> plans = new HashMap<>();
    final Map<Integer, CheckpointRead.Chunk<P>> parts = new HashMap<>();
    private final Map<Integer, CheckpointIndex.ChunkInfo> infos = new HashMap<>();

    CheckpointPlanner(Recording recording, CheckpointKind<?> kind, Set<CheckpointIndex.Checkpoint> unusable,
            CheckpointRead.Totals<P> reader) {
        this.recording = recording;
        this.kind = kind;
        this.unusable = unusable;
        this.reader = reader;
    }

    void run() throws IOException {
        List<int[]> recordings = recording.recordings();
        Map<int[], Integer> next = new HashMap<>();
        for (int[] r : recordings) {
            next.put(r, r[1]);
        }
        Map<int[], CheckpointIndex.Checkpoint> found = new HashMap<>();
        Map<int[], String> runs = new HashMap<>();
        Set<int[]> old = new HashSet<>();
        while (!next.isEmpty()) {
            Set<Integer> look = new HashSet<>(next.values());
            recording.read(look::contains, List.of(this));
            for (int[] r : new ArrayList<>(next.keySet())) {
                int c = next.get(r);
                CheckpointIndex.ChunkInfo info = infos.get(c);
                if (info == null) { // written before checkpoints: no checkpoint, no run id
                    old.add(r);
                    next.remove(r);
                    continue;
                }
                runs.putIfAbsent(r, info.runId()[0]);
                CheckpointIndex.Checkpoint cp = info.lastCheckpoint(unusable);
                if (cp != null) {
                    found.put(r, cp);
                    next.remove(r);
                } else if (c == r[0]) {
                    next.remove(r);
                } else {
                    next.put(r, c - 1);
                }
            }
        }
        for (int[] r : recordings) {
            if (!old.contains(r) && coveredLater(r, runs.get(r), recordings, found)) {
                plan(r, CheckpointIndex.ChunkPlan.SKIP);
            } else if (found.containsKey(r)) {
                planFrom(r, found.get(r));
            } else {
                plan(r, CheckpointIndex.ChunkPlan.ALL);
            }
        }
    }

    /**
     * Whether a later recording of the same run, begun after this one ended, has a checkpoint: then that one holds
     * all of this one (a recording cut in two), and this one is not counted again.
     */
    private boolean coveredLater(int[] r, String run, List<int[]> recordings,
            Map<int[], CheckpointIndex.Checkpoint> found) {
        if (run == null) {
            return false;
        }
        for (int[] later : recordings) {
            CheckpointIndex.Checkpoint cp = found.get(later);
            if (later[0] > r[1] && cp != null && run.equals(cp.runId())
                    && recording.startNanos(later[0]) >= recording.endNanos(r[1])) {
                return true;
            }
        }
        return false;
    }

    private void plan(int[] r, CheckpointIndex.ChunkPlan p) {
        for (int c = r[0]; c <= r[1]; c++) {
            plans.put(c, p);
            if (p != CheckpointIndex.ChunkPlan.ALL) {
                parts.remove(c);
            }
        }
    }

    private void planFrom(int[] r, CheckpointIndex.Checkpoint cp) {
        for (int c = r[0]; c <= r[1]; c++) {
            plans.put(c, c < cp.chunk() ? CheckpointIndex.ChunkPlan.SKIP
                    : new CheckpointIndex.ChunkPlan(true, cp.flush(), c == cp.chunk() ? cp : null));
            parts.remove(c);
        }
    }

    @Override
    public Object chunk(Handlers on) {
        if (kind.declaredIn(on)) {
            return CheckpointIndex.chunk(on, kind);
        }
        return CheckpointRead.Chunk.register(on, CheckpointIndex.ChunkPlan.ALL, reader);
    }

    @Override
    public void add(Object part) {
        if (part instanceof CheckpointRead.Chunk<?> c) {
            @SuppressWarnings("unchecked")
            CheckpointRead.Chunk<P> p = (CheckpointRead.Chunk<P>) c;
            parts.put(p.chunk(), p);
        } else {
            CheckpointIndex.ChunkInfo info = (CheckpointIndex.ChunkInfo) part;
            infos.put(info.chunk(), info);
        }
    }
}
