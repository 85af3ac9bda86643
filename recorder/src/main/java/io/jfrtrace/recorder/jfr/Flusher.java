package io.jfrtrace.recorder.jfr;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jfrtrace.runtime.AllocTracker;
import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.runtime.Profiler;
import io.jfrtrace.runtime.ThreadProfile;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Turns the per-thread tables into JFR events: deltas since the previous flush, summed across
 * threads. Runs from JFR periodic hooks (every flushInterval and at every chunk end).
 */
public final class Flusher {
    public static final int SCHEMA_VERSION = 2;

    private final String agentVersion;
    private final String options;
    private final Runnable periodicHook = this::flush;
    private final Runnable chunkEndHook = this::chunkEnd;
    private final Runnable infoHook = this::recordingInfo;
    private final Runnable snapshotHook = () -> AllocTracker.snapshot("interval", "interval");
    private boolean alloc;
    private long snapshotIntervalMillis;

    public Flusher(String agentVersion, String options) {
        this.agentVersion = agentVersion;
        this.options = options;
    }

    /** Turns on allocation snapshots: at exit, and every {@code intervalMillis} if positive. */
    public void allocation(long intervalMillis) {
        alloc = true;
        snapshotIntervalMillis = intervalMillis;
    }

    /** Registers the periodic hooks and enables our events in {@code r}. */
    public void install(Recording r, long flushIntervalMillis) {
        // Registered before the recording starts, not at their first commit, so that the first
        // chunk's metadata declares every type its jdk.ActiveSetting events name (see
        // FaultAgent.enableEvents: an emergency dump taken before the next flush otherwise names
        // undeclared types, and the JMC parser rejects the chunk).
        FlightRecorder.register(FunctionStatsEvent.class);
        FlightRecorder.register(CallerStatsEvent.class);
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
        FlightRecorder.addPeriodicEvent(RecordingInfoEvent.class, infoHook);
        FlightRecorder.addPeriodicEvent(FlushTimerEvent.class, periodicHook);
        FlightRecorder.addPeriodicEvent(FinalFlushEvent.class, chunkEndHook);
        r.enable(FunctionStatsEvent.class).withoutStackTrace();
        r.enable(CallerStatsEvent.class).withoutStackTrace();
        r.enable(RecordingInfoEvent.class).with("period", "everyChunk");
        r.enable(FlushTimerEvent.class).withPeriod(Duration.ofMillis(flushIntervalMillis));
        r.enable(FinalFlushEvent.class).with("period", "endChunk");
    }

    private void recordingInfo() {
        RecordingInfoEvent e = new RecordingInfoEvent();
        e.schemaVersion = SCHEMA_VERSION;
        e.agentVersion = agentVersion;
        e.options = options;
        e.timer = Clock.name();
        e.timeUnit = 1;
        e.commit();
    }

    /** End of a chunk: flush the call tables; if the JVM is exiting, take the exit snapshot. */
    private void chunkEnd() {
        flush();
        if (alloc && shuttingDown()) {
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

    /** Emits all deltas since the previous flush. */
    public synchronized void flush() {
        final int w = ThreadProfile.STRIDE;
        long[] fnSum = new long[w * Math.max(16, FunctionRegistry.count())];
        Map<Long, long[]> edges = new TreeMap<>();
        List<ThreadProfile> profiles = Profiler.profiles();
        for (ThreadProfile p : profiles) {
            // read liveness first: a dead thread's counters are final and visible after isAlive()==false
            boolean alive = p.isOwnerAlive();
            long[] cur = p.functionCounters();
            if (p.lastFn.length < cur.length) {
                p.lastFn = Arrays.copyOf(p.lastFn, cur.length);
            }
            if (fnSum.length < cur.length) {
                fnSum = Arrays.copyOf(fnSum, cur.length);
            }
            long[] last = p.lastFn;
            for (int i = 0; i < cur.length; i++) {
                if ((i & (w - 1)) >= 4) {
                    continue; // recursion level and caches, not counters
                }
                long v = cur[i];
                long d = v - last[i];
                if (d != 0) {
                    fnSum[i] += d;
                    last[i] = v;
                }
            }
            int ne = p.edgeCount();
            long[] ec = p.edgeCounters();
            if (p.lastEdge.length < w * ne) {
                p.lastEdge = Arrays.copyOf(p.lastEdge, w * ne);
            }
            long[] le = p.lastEdge;
            for (int e = 0; e < ne; e++) {
                long[] sum = null;
                for (int f = 0; f < 4; f++) {
                    int i = w * e + f;
                    long v = ec[i];
                    long d = v - le[i];
                    if (d != 0) {
                        if (sum == null) {
                            long key = ((long) p.edgeCaller(e) << 32) | (p.edgeCallee(e) & 0xffffffffL);
                            sum = edges.computeIfAbsent(key, k -> new long[4]);
                        }
                        sum[f] += d;
                        le[i] = v;
                    }
                }
            }
            if (!alive) {
                Profiler.remove(p);
            }
        }
        for (int id = 0; w * id < fnSum.length; id++) {
            int b = w * id;
            if (fnSum[b] == 0 && fnSum[b + 1] == 0 && fnSum[b + 2] == 0 && fnSum[b + 3] == 0) {
                continue;
            }
            FunctionStatsEvent ev = new FunctionStatsEvent();
            ev.file = FunctionRegistry.file(id);
            ev.line = FunctionRegistry.line(id);
            ev.function = FunctionRegistry.name(id);
            ev.callCount = fnSum[b + ThreadProfile.CALLS];
            ev.recursiveCallCount = fnSum[b + ThreadProfile.REC];
            ev.inlineTime = Clock.toNanos(fnSum[b + ThreadProfile.IT]);
            ev.totalTime = Clock.toNanos(fnSum[b + ThreadProfile.TT]);
            ev.commit();
        }
        for (Map.Entry<Long, long[]> en : edges.entrySet()) {
            int caller = (int) (en.getKey() >>> 32);
            int callee = (int) (long) en.getKey();
            long[] s = en.getValue();
            CallerStatsEvent ev = new CallerStatsEvent();
            ev.callerFile = FunctionRegistry.file(caller);
            ev.callerLine = FunctionRegistry.line(caller);
            ev.callerFunction = FunctionRegistry.name(caller);
            ev.file = FunctionRegistry.file(callee);
            ev.line = FunctionRegistry.line(callee);
            ev.function = FunctionRegistry.name(callee);
            ev.callCount = s[ThreadProfile.CALLS];
            ev.recursiveCallCount = s[ThreadProfile.REC];
            ev.inlineTime = Clock.toNanos(s[ThreadProfile.IT]);
            ev.totalTime = Clock.toNanos(s[ThreadProfile.TT]);
            ev.commit();
        }
    }
}
