package io.jfrtrace.recorder.jfr;

import io.jfrtrace.schema.ProfileCheckpointEvent;
import io.jfrtrace.schema.CallerTotalsEvent;
import io.jfrtrace.schema.FunctionTotalsEvent;
import java.time.Duration;

import io.jfrtrace.runtime.AllocTracker;
import io.jfrtrace.runtime.CalibratedProfiler;
import io.jfrtrace.runtime.CallCounter;
import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.OpenCalls;
import io.jfrtrace.runtime.Profiler;
import io.jfrtrace.runtime.ThreadCounts;
import io.jfrtrace.runtime.ThreadProfile;
import io.jfrtrace.schema.AllocationSnapshotEvent;
import io.jfrtrace.schema.AllocationTraceEvent;
import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.FinalFlushEvent;
import io.jfrtrace.schema.FlushTimerEvent;
import io.jfrtrace.schema.FunctionStatsEvent;
import io.jfrtrace.schema.LineCheckpointEvent;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineTableEvent;
import io.jfrtrace.schema.LineTotalsEvent;
import io.jfrtrace.schema.RecordingInfoEvent;
import io.jfrtrace.schema.Schema;
import io.jfrtrace.schema.SnapshotTimerEvent;
import io.jfrtrace.schema.TimerMode;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Turns the per-thread tables into JFR events: deltas since the previous flush, summed across
 * threads. Runs from JFR periodic hooks (every flushInterval and at every chunk end).
 */
public final class Flusher {
    private final String agentVersion;
    private final String options;
    private final Runnable periodicHook = this::flush;
    private final Runnable chunkEndHook = this::chunkEnd;
    private final Runnable infoHook = this::recordingInfo;
    private final Runnable snapshotHook = () -> AllocTracker.snapshot("interval", "interval");
    private boolean alloc;
    private long snapshotIntervalMillis;
    /** Set by the flush that closed the open calls at exit: nothing is emitted after it. */
    private boolean ended;
    /** The same for every chunk of this run (RecordingInfo, ProfileCheckpoint): pid, start time and clock. */
    private final String runId = ProcessHandle.current().pid() + "-" + Long.toHexString(System.currentTimeMillis())
            + "-" + Long.toHexString(System.nanoTime());
    private final ProfileTotals totals = new ProfileTotals();
    /** With call trees ({@link #callTrees()}): the merged tree and its totals; else null. */
    private CallTreeTotals callTrees;
    /** With line counts ({@link #lines()}): their part of each flush; else null. */
    private LineDeltas lineDeltas;
    private long flushes;
    /** What the profile's times measure (RecordingInfo.timerMode). */
    private TimerMode timerMode = TimerMode.WALL;

    /** Pairs of stack copies tried per running thread at exit (see addWithOpenCallsClosed). */
    private static final int MATCH_ATTEMPTS = 3;

    public Flusher(String agentVersion, String options) {
        this.agentVersion = agentVersion;
        this.options = options;
    }

    /** Turns on allocation snapshots: at exit, and every {@code intervalMillis} if positive. */
    public void allocation(long intervalMillis) {
        alloc = true;
        snapshotIntervalMillis = intervalMillis;
    }

    /** What the profile's times measure, as the recording says ({@code --timer}; wall unless set). */
    public void timerMode(TimerMode mode) {
        timerMode = mode;
    }

    /** Turns on call trees ({@code --call-tree}): their tables and deltas in every flush, and their checkpoints. */
    public void callTrees() {
        callTrees = new CallTreeTotals();
    }

    /** Turns on line counts: their tables and deltas in every flush. */
    public void lines() {
        lineDeltas = new LineDeltas();
    }

    /** Registers the periodic hooks and enables our events in {@code r}. */
    public void install(Recording r, long flushIntervalMillis) {
        // Registered before the recording starts, not at their first commit, so that the first
        // chunk's metadata declares every type its jdk.ActiveSetting events name (see
        // FaultAgent.enableEvents: an emergency dump taken before the next flush otherwise names
        // undeclared types, and the JMC parser rejects the chunk).
        FlightRecorder.register(FunctionStatsEvent.class);
        FlightRecorder.register(CallerStatsEvent.class);
        FlightRecorder.register(FunctionTotalsEvent.class);
        FlightRecorder.register(CallerTotalsEvent.class);
        FlightRecorder.register(ProfileCheckpointEvent.class);
        if (alloc) {
            FlightRecorder.register(AllocationSnapshotEvent.class);
            FlightRecorder.register(AllocationTraceEvent.class);
            AllocTracker.setSink(new AllocationEvents());
            r.enable(AllocationSnapshotEvent.class).withoutStackTrace();
            r.enable(AllocationTraceEvent.class).withoutStackTrace();
            if (snapshotIntervalMillis > 0) {
                FlightRecorder.addPeriodicEvent(SnapshotTimerEvent.class, snapshotHook);
                r.enable(SnapshotTimerEvent.class).withPeriod(Duration.ofMillis(snapshotIntervalMillis));
            }
        }
        if (callTrees != null) {
            callTrees.enableEvents(r);
        }
        if (lineDeltas != null) {
            FlightRecorder.register(LineTableEvent.class);
            FlightRecorder.register(LineCountsEvent.class);
            FlightRecorder.register(LineTotalsEvent.class);
            FlightRecorder.register(LineCheckpointEvent.class);
            r.enable(LineTableEvent.class).withoutStackTrace();
            r.enable(LineCountsEvent.class).withoutStackTrace();
            r.enable(LineTotalsEvent.class).withoutStackTrace();
            r.enable(LineCheckpointEvent.class).withoutStackTrace();
        }
        FlightRecorder.addPeriodicEvent(RecordingInfoEvent.class, infoHook);
        FlightRecorder.addPeriodicEvent(FlushTimerEvent.class, periodicHook);
        FlightRecorder.addPeriodicEvent(FinalFlushEvent.class, chunkEndHook);
        r.enable(FunctionStatsEvent.class).withoutStackTrace();
        r.enable(CallerStatsEvent.class).withoutStackTrace();
        r.enable(FunctionTotalsEvent.class).withoutStackTrace();
        r.enable(CallerTotalsEvent.class).withoutStackTrace();
        r.enable(ProfileCheckpointEvent.class).withoutStackTrace();
        r.enable(RecordingInfoEvent.class).with("period", "everyChunk");
        r.enable(FlushTimerEvent.class).withPeriod(Duration.ofMillis(flushIntervalMillis));
        r.enable(FinalFlushEvent.class).with("period", "endChunk");
    }

    private void recordingInfo() {
        RecordingInfoEvent e = new RecordingInfoEvent();
        e.schemaVersion = Schema.MAJOR;
        e.schemaMinorVersion = Schema.MINOR;
        e.agentVersion = agentVersion;
        e.options = options;
        e.timer = timerMode == TimerMode.COUNT ? "none" : Clock.name();
        e.timeUnit = 1;
        e.runId = runId;
        e.timerMode = timerMode.word();
        // durations, to a thousandth of a ns: a reader multiplies them by millions of calls
        e.calibrationCallerBias = Clock.toNanos(CalibratedProfiler.callerBias() * 1000) / 1000.0;
        e.calibrationCalleeBias = Clock.toNanos(CalibratedProfiler.calleeBias() * 1000) / 1000.0;
        e.commit();
    }

    /**
     * End of a chunk: flush the call tables and write the whole profile as a checkpoint; if the JVM is exiting,
     * close the calls still open (as cProfile's disable() does) and take the exit snapshot.
     */
    private void chunkEnd() {
        boolean exiting = shuttingDown();
        flush(exiting, true);
        if (alloc && exiting) {
            AllocTracker.snapshot("exit", "exit");
        }
    }

    /**
     * True once the JVM runs its shutdown hooks (JFR's final endChunk runs from one): adding a
     * hook then throws IllegalStateException. A chunk rotation while running is not an exit.
     */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException e) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }

    /**
     * The end of an attached recording (jfr-trace attach): the last deltas with the calls still open closed, as at
     * exit, and the checkpoint. Nothing is emitted after it.
     */
    public void finish() {
        flush(true, true);
    }

    /** Removes the periodic hooks (after the recording stopped), so that a later attach's flusher is the only one. */
    public void uninstall() {
        FlightRecorder.removePeriodicEvent(infoHook);
        FlightRecorder.removePeriodicEvent(periodicHook);
        FlightRecorder.removePeriodicEvent(chunkEndHook);
        if (alloc && snapshotIntervalMillis > 0) {
            FlightRecorder.removePeriodicEvent(snapshotHook);
        }
    }

    /** Emits all deltas since the previous flush. */
    public void flush() {
        flush(false, false);
    }

    /**
     * Emits all deltas since the previous flush; with {@code closeOpenCalls}, also the returns of the
     * calls still open on live threads, and nothing after that: those calls may still return later
     * (the JVM may stop several recordings, each ending a chunk), and their returns must not be
     * counted twice. With {@code checkpoint}, then also the whole profile so far (ProfileTotals) and the line counts
     * so far (LineTotals).
     */
    private synchronized void flush(boolean closeOpenCalls, boolean checkpoint) {
        if (ended) {
            return;
        }
        ProfileDeltas deltas = new ProfileDeltas();
        CallTreeDeltas tree = callTrees == null ? null : new CallTreeDeltas(callTrees, closeOpenCalls);
        for (ThreadProfile p : Profiler.profiles()) {
            // read liveness first: a dead thread's counters are final and visible after isAlive()==false
            boolean alive = p.isOwnerAlive();
            if (closeOpenCalls && alive && p.depth() > 0) {
                addWithOpenCallsClosed(p, deltas, tree);
            } else {
                addCounters(p, deltas, tree);
            }
            if (!alive) {
                Profiler.remove(p);
            }
        }
        for (ThreadCounts c : CallCounter.counts()) { // --timer count: calls are counted as they begin, none is open
            boolean alive = c.isOwnerAlive();
            deltas.addCounts(c);
            if (!alive) {
                CallCounter.remove(c);
            }
        }
        deltas.emit(++flushes, totals);
        if (tree != null) {
            tree.emit(flushes);
        }
        if (lineDeltas != null) {
            lineDeltas.flush(flushes);
        }
        if (checkpoint && totals.hasEntries()) {
            totals.checkpoint(runId, flushes);
        }
        if (checkpoint && callTrees != null && callTrees.hasEntries()) {
            callTrees.checkpoint(runId, flushes);
        }
        if (checkpoint && lineDeltas != null) {
            lineDeltas.checkpoint(runId, flushes);
        }
        ended = closeOpenCalls;
    }

    /**
     * Adds {@code p}'s counters and its open calls closed now. The owner may be running: the counters
     * and the open frames must describe the same moment, or a call ending in between would be
     * counted by both (or neither). So the counters are read between two copies of the shadow stack,
     * and a pair of equal copies means no call began or ended meanwhile (each changes the depth, a
     * start time or the caller's time in sub-calls). A thread that is blocked, sleeping or in
     * System.exit agrees at once; one that keeps calling gets {@link #MATCH_ATTEMPTS} tries, then its
     * last copy, taken after the counters: a call ending in that last gap is lost, never counted twice.
     */
    private static void addWithOpenCallsClosed(ThreadProfile p, ProfileDeltas deltas, CallTreeDeltas tree) {
        OpenCalls.Snapshot after = OpenCalls.snapshot(p);
        for (int attempt = 1; ; attempt++) {
            OpenCalls.Snapshot before = after;
            addCounters(p, deltas, tree);
            after = OpenCalls.snapshot(p);
            if (after.sameAs(before) || attempt == MATCH_ATTEMPTS) {
                break;
            }
        }
        // on the owner's clock: its CPU time with --timer cpu, less its calls' cost with --calibrate
        for (OpenCalls.Closed c : after.close(Clock.nowOf(p.owner()) - p.skew())) {
            deltas.addClosed(c);
            if (tree != null) {
                tree.addClosed(p, c);
            }
        }
    }

    /** Takes {@code p}'s counters into the flush: its call profile's, and its call tree's if there is one. */
    private static void addCounters(ThreadProfile p, ProfileDeltas deltas, CallTreeDeltas tree) {
        deltas.addCounters(p);
        if (tree != null) {
            tree.addCounters(p);
        }
    }
}
