package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.schema.TimerMode;

/**
 * The call profile of one recording as cProfile's raw tables (schema in docs/events.md): for each recording in the file
 * its last complete checkpoint ({@code jfrtrace.FunctionTotals} / {@code CallerTotals}) plus the deltas
 * ({@code jfrtrace.FunctionStats} / {@code CallerStats}) of the flushes after it, as {@link CheckpointRead} reads the
 * totals of every kind; without one (a recording before schema 2.2, or a run cut short before its first chunk ended),
 * the sum of all its deltas. Keys keep the order in which they first appear: the checkpoint's order, then the deltas'.
 */
public final class ProfileReader implements CheckpointRead.Totals<ProfileReader.Part> {
    /** The parts so far, in chunk order: each is folded in as it comes and dropped, so memory follows the profile. */
    private final ProfileTable table = new ProfileTable();
    private long events;
    /** The timers of the runs read ({@code jfrtrace.RecordingInfo.timerMode}; wall before schema 2.6). */
    private final TreeSet<TimerMode> timers = new TreeSet<>();
    /** The clock the last chunk read names ({@code jfrtrace.RecordingInfo.timer}); null without one. */
    private String clock;

    private static final String NO_EVENTS = "no jfr-trace call-profile events (" + OurEvents.FUNCTION_STATS.name() + ")";

    private ProfileReader() {
    }

    /** The recording's call profile; fails with a one-line message if it holds none. */
    public static ProfileTable read(Path file) throws IOException {
        return read(file, ReadProgress.NONE);
    }

    /** As {@link #read(Path)}, telling {@code progress} of the chunks each pass reads. */
    public static ProfileTable read(Path file, ReadProgress progress) throws IOException {
        return readTimed(file, progress).table();
    }

    /**
     * The call profile and what its times measure.
     *
     * @param table the counters as the recording holds them (with {@link TimerMode#COUNT}, no times)
     * @param timer what the times measure ({@link TimerMode#WALL} for a recording before schema 2.6)
     * @param clock the clock the recorder names ({@code TSC}, {@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}); null if none
     */
    public record Timed(ProfileTable table, TimerMode timer, String clock) {
    }

    /**
     * As {@link #read(Path, ReadProgress)}, with what the times measure. Runs recorded with different timers (recordings
     * concatenated) do not add up: a {@link RecordingException}.
     */
    public static Timed readTimed(Path file, ReadProgress progress) throws IOException {
        Recording recording = Recording.open(file).progress(progress);
        if (!recording.mayDeclare(OurEvents.FUNCTION_STATS.name())) { // a JVM's own recording: no chunk to parse
            throw new NoEventsException(file, NO_EVENTS);
        }
        ProfileReader read = CheckpointRead.read(recording, CheckpointKind.PROFILE, ProfileReader::new);
        if (read.events == 0) {
            throw new NoEventsException(file, NO_EVENTS);
        }
        if (read.timers.size() > 1) {
            throw new RecordingException(file, "holds runs recorded with different timers ("
                    + String.join(" and ", read.timers.stream().map(TimerMode::word).toList()) + "): their times do not add up");
        }
        return new Timed(read.table, read.timers.isEmpty() ? TimerMode.WALL : read.timers.first(), read.clock);
    }

    /** One chunk: the checkpoint's entries and the deltas it takes, summed per key, then as a table in order. */
    static final class Part {
        // the sums while the chunk is read; dropped once they are the table
        private TimeOrder<FunctionKey, long[]> totals = new TimeOrder<>();
        private TimeOrder<ProfileTable.Edge, long[]> callerTotals = new TimeOrder<>();
        private TimeOrder<FunctionKey, long[]> functions = new TimeOrder<>();
        private TimeOrder<ProfileTable.Edge, long[]> calls = new TimeOrder<>();
        private final ProfileTable table = new ProfileTable();
        private long events;
        private final TreeSet<TimerMode> timers = new TreeSet<>();
        private String clock;
        private int totalEntries;
        private int callerEntries;
        /**
         * One key per function, shared by its entries and edges: each event decodes its names anew (the JVM writes short
         * strings inline), and an edge table of the function keys its first events made held most of a part's memory.
         */
        private Map<FunctionKey, FunctionKey> keys = new HashMap<>();

        private FunctionKey shared(FunctionKey key) {
            FunctionKey known = keys.putIfAbsent(key, key);
            return known == null ? key : known;
        }

        private ProfileTable.Edge shared(ProfileTable.Edge edge) {
            return new ProfileTable.Edge(shared(edge.caller()), shared(edge.callee()));
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
            keys = null;
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

    /** The handlers of one chunk that the plan says to read. */
    @Override
    public Part chunk(Handlers on, CheckpointIndex.ChunkPlan plan) {
        Part part = new Part();
        long after = plan.afterFlush();
        CheckpointIndex.Checkpoint cp = plan.checkpoint();
        // In the checkpoint's chunk, the deltas its header was committed before are its own: not even decoded. (A
        // later flush's may land before the header in the file when another thread wrote them, never earlier in time.)
        long from = cp == null ? Long.MIN_VALUE : cp.startTicks();
        on.on(OurEvents.FUNCTION_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.functions.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4], part::shared),
                        e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        }, from);
        on.on(OurEvents.CALLER_STATS, (e, symbols) -> {
            if (e.flush > after) {
                add(part.calls.at(edge(e.callerFile, e.callerLine, e.callerFunction, e.file, e.line, e.function), e.time,
                        () -> new long[4], part::shared), e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                part.events++;
            }
        }, from);
        if (cp != null) {
            on.on(OurEvents.FUNCTION_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    add(part.totals.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4], part::shared),
                            e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
                    part.totalEntries++;
                    part.events++;
                }
            });
            on.on(OurEvents.CALLER_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    add(part.callerTotals.at(edge(e.callerFile, e.callerLine, e.callerFunction, e.file, e.line,
                            e.function), e.time, () -> new long[4], part::shared), e.callCount, e.recursiveCallCount, e.inlineTime,
                            e.totalTime);
                    part.callerEntries++;
                    part.events++;
                }
            });
        }
        on.on(OurEvents.RECORDING_INFO, (e, symbols) -> {
            TimerMode timer = e.timerMode == null ? TimerMode.WALL : TimerMode.named(e.timerMode);
            part.timers.add(timer == null ? TimerMode.WALL : timer); // a later schema's word: its times as wall time
            part.clock = e.timer;
        });
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
    public long entries(Part part) {
        return (long) part.totalEntries + part.callerEntries;
    }

    @Override
    public void fold(Part part) {
        table.addAll(part.table);
        events += part.events;
        timers.addAll(part.timers);
        if (part.clock != null) {
            clock = part.clock;
        }
    }
}
