package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * The call profile of one recording as cProfile's raw tables (schema in docs/events.md): for each recording in the file
 * (a run of chunks, {@link ChunkedRecording#recordings}), its last complete checkpoint ({@code jfrtrace.FunctionTotals}
 * / {@code CallerTotals}) plus the deltas ({@code jfrtrace.FunctionStats} / {@code CallerStats}) of the flushes after
 * it; without one (a recording before schema 2.2, or a run cut short before its first chunk ended), the sum of all its
 * deltas. A recording's chunks are looked at from its last one back, only until a checkpoint is found: the chunks
 * before it are not read at all (JFR may have dropped them), so the time stats takes does not grow with the run. Keys
 * keep the order in which they first appear: the checkpoint's order, then the deltas'.
 */
public final class ProfileReader implements Source<ProfileReader.Part> {
    private final Map<Integer, CheckpointIndex.ChunkPlan> plans;
    /** The planning pass's parts, folded in among this pass's in chunk order. */
    private final NavigableMap<Integer, Part> planned;
    /** The parts so far, in chunk order: each is folded in as it comes and dropped, so memory follows the profile. */
    private final ProfileTable table = new ProfileTable();
    private long events;
    private CheckpointIndex.Checkpoint incomplete;

    private static final String NO_EVENTS = "no jfr-trace call-profile events (" + OurEvents.FUNCTION_STATS.name() + ")";

    private ProfileReader(Map<Integer, CheckpointIndex.ChunkPlan> plans, Map<Integer, Part> planned) {
        this.plans = plans;
        this.planned = new TreeMap<>(planned);
    }

    /** The recording's call profile; fails with a one-line message if it holds none. */
    public static ProfileTable read(Path file) throws IOException {
        return read(file, ReadProgress.NONE);
    }

    /** As {@link #read(Path)}, telling {@code progress} of the chunks each pass reads. */
    public static ProfileTable read(Path file, ReadProgress progress) throws IOException {
        Recording recording = Recording.open(file).progress(progress);
        if (!recording.mayDeclare(OurEvents.FUNCTION_STATS.name())) { // a JVM's own recording: no chunk to parse
            throw new NoEventsException(file, NO_EVENTS);
        }
        Set<CheckpointIndex.Checkpoint> unusable = new HashSet<>();
        while (true) {
            Planner planner = new Planner(recording, unusable);
            planner.run();
            Map<Integer, CheckpointIndex.ChunkPlan> plans = planner.plans;
            ProfileReader rest = new ProfileReader(plans, planner.parts);
            planner.parts.clear();
            recording.read(chunk -> plans.get(chunk).read() && !rest.planned.containsKey(chunk), List.of(rest));
            if (rest.incomplete != null) { // fewer entries than its header says: the one before it
                unusable.add(rest.incomplete);
                continue;
            }
            rest.foldPlannedBefore(Integer.MAX_VALUE);
            if (rest.events == 0) {
                throw new NoEventsException(file, NO_EVENTS);
            }
            return rest.table;
        }
    }

    /**
     * Decides, per recording in the file, which chunks to read and how: it looks at each recording's last chunk, then
     * back one chunk at a time while none holds a usable checkpoint (all recordings' next chunks in one pass). A chunk
     * written before schema 2.2 (its metadata knows neither checkpoints nor flush numbers nor run ids) is read whole at
     * once, and so is the rest of its recording.
     */
    private static final class Planner implements Source<Object> {
        private final Recording recording;
        private final Set<CheckpointIndex.Checkpoint> unusable;
        final Map<Integer, CheckpointIndex.ChunkPlan> plans = new HashMap<>();
        final Map<Integer, Part> parts = new HashMap<>();
        private final Map<Integer, CheckpointIndex.ChunkInfo> infos = new HashMap<>();

        Planner(Recording recording, Set<CheckpointIndex.Checkpoint> unusable) {
            this.recording = recording;
            this.unusable = unusable;
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
                    if (info == null) { // written before schema 2.2: no checkpoint, no run id
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
            if (on.declares(OurEvents.PROFILE_CHECKPOINT.name()) || on.declares(OurEvents.FUNCTION_STATS.name(), "flush")
                    || on.declares(OurEvents.RECORDING_INFO.name(), "runId")) {
                return CheckpointIndex.chunk(on);
            }
            return register(on, CheckpointIndex.ChunkPlan.ALL);
        }

        @Override
        public void add(Object part) {
            if (part instanceof Part p) {
                parts.put(p.chunk, p);
            } else {
                CheckpointIndex.ChunkInfo info = (CheckpointIndex.ChunkInfo) part;
                infos.put(info.chunk(), info);
            }
        }
    }

    /** One chunk: the checkpoint's entries and the deltas it takes, summed per key, then as a table in order. */
    static final class Part {
        private final int chunk;
        private final CheckpointIndex.ChunkPlan plan;
        // the sums while the chunk is read; dropped once they are the table
        private TimeOrder<FunctionKey, long[]> totals = new TimeOrder<>();
        private TimeOrder<ProfileTable.Edge, long[]> callerTotals = new TimeOrder<>();
        private TimeOrder<FunctionKey, long[]> functions = new TimeOrder<>();
        private TimeOrder<ProfileTable.Edge, long[]> calls = new TimeOrder<>();
        private final ProfileTable table = new ProfileTable();
        private long events;
        private int totalEntries;
        private int callerEntries;

        Part(int chunk, CheckpointIndex.ChunkPlan plan) {
            this.chunk = chunk;
            this.plan = plan;
        }

        private void end() {
            addFunctions(totals);
            addCalls(callerTotals);
            addFunctions(functions);
            addCalls(calls);
            totals = null;
            callerTotals = null;
            functions = null;
            calls = null;
        }

        private void addFunctions(TimeOrder<FunctionKey, long[]> sums) {
            for (Map.Entry<FunctionKey, long[]> e : sums.inOrder()) {
                long[] c = e.getValue();
                table.addFunction(e.getKey(), c[0], c[1], c[2], c[3]);
            }
        }

        private void addCalls(TimeOrder<ProfileTable.Edge, long[]> sums) {
            for (Map.Entry<ProfileTable.Edge, long[]> e : sums.inOrder()) {
                long[] c = e.getValue();
                table.addCall(e.getKey().caller(), e.getKey().callee(), c[0], c[1], c[2], c[3]);
            }
        }
    }

    @Override
    public Part chunk(Handlers on) {
        return register(on, plans.get(on.chunk()));
    }

    /** The handlers of one chunk that the plan says to read. */
    private static Part register(Handlers on, CheckpointIndex.ChunkPlan plan) {
        Part part = new Part(on.chunk(), plan);
        long after = part.plan.afterFlush();
        CheckpointIndex.Checkpoint cp = part.plan.checkpoint();
        // In the checkpoint's chunk, the deltas its header was committed before are its own: not even decoded. (A
        // later flush's may land before the header in the file when another thread wrote them, never earlier in time.)
        long from = cp == null ? Long.MIN_VALUE : cp.startTicks();
        on.on(OurEvents.FUNCTION_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.functions.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4]),
                        e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        }, from);
        on.on(OurEvents.CALLER_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.calls.at(edge(e.callerFile, e.callerLine, e.callerFunction, e.file, e.line, e.function), e.time,
                        () -> new long[4]), e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        }, from);
        if (cp != null) {
            on.on(OurEvents.FUNCTION_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    add(part.totals.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4]),
                            e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                    part.totalEntries++;
                    part.events++;
                }
            });
            on.on(OurEvents.CALLER_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    add(part.callerTotals.at(edge(e.callerFile, e.callerLine, e.callerFunction, e.file, e.line,
                            e.function), e.time, () -> new long[4]), e.callCount, e.recursiveCallCount, e.inlineTime,
                            e.totalTime);
                    part.callerEntries++;
                    part.events++;
                }
            });
        }
        on.atEnd(part::end);
        return part;
    }

    private static ProfileTable.Edge edge(String callerFile, int callerLine, String caller, String file, int line,
            String callee) {
        return new ProfileTable.Edge(new FunctionKey(callerFile, callerLine, caller), new FunctionKey(file, line, callee));
    }

    private static void add(long[] sums, long calls, long recursive, long inline, long total) {
        sums[0] += calls;
        sums[1] += recursive;
        sums[2] += inline;
        sums[3] += total;
    }

    @Override
    public void add(Part part) {
        CheckpointIndex.Checkpoint cp = part.plan.checkpoint();
        if (cp != null && (part.totalEntries < cp.functions() || part.callerEntries < cp.callers())) {
            incomplete = cp;
        }
        foldPlannedBefore(part.chunk); // parts come in chunk order (the read merges them so)
        fold(part);
    }

    /** Folds in the planning pass's parts of the chunks before {@code chunk}. */
    private void foldPlannedBefore(int chunk) {
        while (!planned.isEmpty() && planned.firstKey() < chunk) {
            fold(planned.pollFirstEntry().getValue());
        }
    }

    private void fold(Part part) {
        table.addAll(part.table);
        events += part.events;
    }
}
