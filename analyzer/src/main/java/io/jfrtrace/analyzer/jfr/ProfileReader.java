package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * The call profile of one recording as cProfile's raw tables (schema in docs/events.md): per run of the program, its
 * last complete checkpoint ({@code jfrtrace.FunctionTotals} / {@code CallerTotals}) plus the deltas
 * ({@code jfrtrace.FunctionStats} / {@code CallerStats}) flushed after it; without checkpoints (recordings before
 * schema 3, or a run cut short before its first chunk ended), the sum of all its deltas. So the chunks before a run's
 * last checkpoint are not read beyond their run id, and JFR may have dropped them. Keys keep the order in which they
 * first appear: the checkpoint's order, then the deltas'.
 */
public final class ProfileReader implements Source<ProfileReader.Part> {
    private final Map<Integer, CheckpointIndex.ChunkPlan> plans;
    private final Map<Integer, Part> parts = new HashMap<>();
    private CheckpointIndex.Checkpoint incomplete;

    private ProfileReader(Map<Integer, CheckpointIndex.ChunkPlan> plans) {
        this.plans = plans;
    }

    /**
     * The recording's call profile; fails with a one-line message if it holds none. One pass reads the chunks written
     * before schema 3 whole and the others' run and checkpoints; a second reads what those need.
     */
    public static ProfileTable read(Path file) throws IOException {
        Recording recording = Recording.open(file);
        FirstPass first = new FirstPass();
        recording.read(List.of(first));
        Set<CheckpointIndex.Checkpoint> unusable = new HashSet<>();
        while (true) {
            Map<Integer, CheckpointIndex.ChunkPlan> plans = first.index.plan(unusable);
            ProfileReader second = new ProfileReader(plans);
            recording.read(chunk -> plans.containsKey(chunk) && plans.get(chunk).read(), List.of(second));
            if (second.incomplete != null) { // fewer entries than its header says: the one before it
                unusable.add(second.incomplete);
                continue;
            }
            Map<Integer, Part> all = new TreeMap<>(first.parts);
            all.putAll(second.parts);
            ProfileTable table = new ProfileTable();
            long events = 0;
            for (Part p : all.values()) {
                table.addAll(p.table);
                events += p.events;
            }
            if (events == 0) {
                throw new NoEventsException(file, "no jfr-trace call-profile events (jfrtrace.FunctionStats)");
            }
            return table;
        }
    }

    /**
     * The first pass: a chunk written before schema 3 (its metadata knows neither checkpoints nor the deltas' flush
     * numbers nor run ids) has no checkpoint, and is read whole right away; of the others only the run and the
     * checkpoints' headers ({@link CheckpointIndex}).
     */
    private static final class FirstPass implements Source<Object> {
        final CheckpointIndex index = new CheckpointIndex();
        final Map<Integer, Part> parts = new HashMap<>();

        @Override
        public Object chunk(Handlers on) {
            if (on.declares(OurEvents.PROFILE_CHECKPOINT.name()) || on.declares(OurEvents.FUNCTION_STATS.name(), "flush")
                    || on.declares(OurEvents.RECORDING_INFO.name(), "runId")) {
                return index.chunk(on);
            }
            return register(on, CheckpointIndex.ChunkPlan.ALL);
        }

        @Override
        public void add(Object part) {
            if (part instanceof Part p) {
                parts.put(p.chunk, p);
            } else {
                index.add((CheckpointIndex.ChunkInfo) part);
            }
        }
    }

    /** One chunk: the checkpoint's entries and the deltas it takes, summed per key, then as a table in order. */
    static final class Part {
        private final int chunk;
        private final CheckpointIndex.ChunkPlan plan;
        private final TimeOrder<FunctionKey, long[]> totals = new TimeOrder<>();
        private final TimeOrder<ProfileTable.Edge, long[]> callerTotals = new TimeOrder<>();
        private final TimeOrder<FunctionKey, long[]> functions = new TimeOrder<>();
        private final TimeOrder<ProfileTable.Edge, long[]> calls = new TimeOrder<>();
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
        on.on(OurEvents.FUNCTION_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.functions.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4]),
                        e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        });
        on.on(OurEvents.CALLER_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.calls.at(edge(e.callerFile, e.callerLine, e.callerFunction, e.file, e.line, e.function), e.time,
                        () -> new long[4]), e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        });
        CheckpointIndex.Checkpoint cp = part.plan.checkpoint();
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
        parts.put(part.chunk, part);
    }
}
