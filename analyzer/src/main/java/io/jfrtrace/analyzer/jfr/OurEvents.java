package io.jfrtrace.analyzer.jfr;

import io.jfrtrace.schema.AllocationSnapshotEvent;
import io.jfrtrace.schema.AllocationTraceEvent;
import io.jfrtrace.schema.CallTreeCheckpointEvent;
import io.jfrtrace.schema.CallTreeCountsEvent;
import io.jfrtrace.schema.CallTreeNodeEvent;
import io.jfrtrace.schema.CallTreeTotalsEvent;
import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.CallerTotalsEvent;
import io.jfrtrace.schema.FunctionStatsEvent;
import io.jfrtrace.schema.FunctionTotalsEvent;
import io.jfrtrace.schema.LineCheckpointEvent;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineTableEvent;
import io.jfrtrace.schema.LineTotalsEvent;
import io.jfrtrace.schema.ProfileCheckpointEvent;
import io.jfrtrace.schema.RecordingInfoEvent;
import one.jfr.JfrClass;
import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * jfr-trace's own events as the bulk reader decodes them: one class per type, fields read in the order the event
 * schema (docs/events.md) fixes, which is the order of the recorder's event classes. Every event of ours starts with
 * the four fields JFR gives each Java event (startTime, duration, eventThread, stackTrace); a field added to the schema
 * comes last, and is read only from chunks whose metadata declares it. The reader calls each constructor with itself
 * positioned after the event's size and type, and moves on to the next event whatever the constructor read.
 */
public final class OurEvents {
    static final BulkType<FunctionStats> FUNCTION_STATS = BulkType.ours(FunctionStatsEvent.NAME, FunctionStats.class);
    static final BulkType<CallerStats> CALLER_STATS = BulkType.ours(CallerStatsEvent.NAME, CallerStats.class);
    static final BulkType<RecordingInfo> RECORDING_INFO = BulkType.ours(RecordingInfoEvent.NAME, RecordingInfo.class);
    static final BulkType<AllocationSnapshot> ALLOCATION_SNAPSHOT =
            BulkType.ours(AllocationSnapshotEvent.NAME, AllocationSnapshot.class);
    static final BulkType<AllocationTrace> ALLOCATION_TRACE = BulkType.ours(AllocationTraceEvent.NAME, AllocationTrace.class);
    static final BulkType<FunctionTotals> FUNCTION_TOTALS = BulkType.ours(FunctionTotalsEvent.NAME, FunctionTotals.class);
    static final BulkType<CallerTotals> CALLER_TOTALS = BulkType.ours(CallerTotalsEvent.NAME, CallerTotals.class);
    static final BulkType<ProfileCheckpoint> PROFILE_CHECKPOINT =
            BulkType.ours(ProfileCheckpointEvent.NAME, ProfileCheckpoint.class);
    static final BulkType<LineTable> LINE_TABLE = BulkType.ours(LineTableEvent.NAME, LineTable.class);
    static final BulkType<LineCounts> LINE_COUNTS = BulkType.ours(LineCountsEvent.NAME, LineCounts.class);
    static final BulkType<LineTotals> LINE_TOTALS = BulkType.ours(LineTotalsEvent.NAME, LineTotals.class);
    static final BulkType<LineCheckpoint> LINE_CHECKPOINT = BulkType.ours(LineCheckpointEvent.NAME, LineCheckpoint.class);
    static final BulkType<CallTreeNode> CALL_TREE_NODE = BulkType.ours(CallTreeNodeEvent.NAME, CallTreeNode.class);
    static final BulkType<CallTreeCounts> CALL_TREE_COUNTS = BulkType.ours(CallTreeCountsEvent.NAME, CallTreeCounts.class);
    static final BulkType<CallTreeTotals> CALL_TREE_TOTALS = BulkType.ours(CallTreeTotalsEvent.NAME, CallTreeTotals.class);
    static final BulkType<CallTreeCheckpoint> CALL_TREE_CHECKPOINT =
            BulkType.ours(CallTreeCheckpointEvent.NAME, CallTreeCheckpoint.class);

    /** Which later-schema fields the chunk being read on this thread declares (set per chunk by the dispatcher). */
    private static final ThreadLocal<Additions> ADDITIONS = new ThreadLocal<>();

    /** Later minor versions' additions to schema 2.0's events, as one chunk's metadata declares them. */
    private record Additions(boolean functionFlush, boolean callerFlush, boolean minorVersion, boolean runId,
                             boolean timerMode) {
    }

    /** Reads which additions the chunk declares; before its events are decoded, on the thread decoding them. */
    static void prepare(JfrReader r) {
        ADDITIONS.set(new Additions(declares(r, FUNCTION_STATS.name(), FunctionStatsEvent.FLUSH), declares(r, CALLER_STATS.name(), CallerStatsEvent.FLUSH),
                declares(r, RECORDING_INFO.name(), RecordingInfoEvent.SCHEMA_MINOR_VERSION), declares(r, RECORDING_INFO.name(), RecordingInfoEvent.RUN_ID),
                declares(r, RECORDING_INFO.name(), RecordingInfoEvent.TIMER_MODE)));
    }

    private OurEvents() {
    }

    /** Whether the chunk being read declares a field (a later schema's addition). */
    static boolean declares(JfrReader r, String type, String field) {
        JfrClass c = r.typesByName.get(type);
        return c != null && c.field(field) != null;
    }

    /** Reads the four implicit fields; returns the start time (ticks). */
    private static long implicitFields(JfrReader r) {
        long startTime = r.getVarlong();
        r.getVarlong(); // duration
        r.getVarlong(); // eventThread
        r.getVarlong(); // stackTrace
        return startTime;
    }

    /**
     * What every call-profile event of ours holds, in this order after what comes first in its type: for an edge the
     * caller's file, line and function, then the function's, then cProfile's four counters.
     */
    public abstract static class ProfileEntry extends Event {
        /** The caller's; null and 0 in a function's own entry. */
        public final String callerFile;
        public final int callerLine;
        public final String callerFunction;
        public final String file;
        public final int line;
        public final String function;
        public final long callCount;
        public final long recursiveCallCount;
        public final long inlineTime;
        public final long totalTime;

        ProfileEntry(JfrReader r, long time, boolean edge) {
            super(time, 0, 0);
            callerFile = edge ? r.getString() : null;
            callerLine = edge ? r.getVarint() : 0;
            callerFunction = edge ? r.getString() : null;
            file = r.getString();
            line = r.getVarint();
            function = r.getString();
            callCount = r.getVarlong();
            recursiveCallCount = r.getVarlong();
            inlineTime = r.getVarlong();
            totalTime = r.getVarlong();
        }
    }

    /** {@code jfrtrace.FunctionStats}: one function's cProfile counters gained since the previous flush. */
    public static final class FunctionStats extends ProfileEntry {
        /** The flush that wrote it (schema 2.2); 0 in older recordings. */
        public final long flush;

        public FunctionStats(JfrReader r) {
            super(r, implicitFields(r), false);
            flush = ADDITIONS.get().functionFlush() ? r.getVarlong() : 0;
        }
    }

    /** {@code jfrtrace.CallerStats}: one caller-to-callee edge's counters gained since the previous flush. */
    public static final class CallerStats extends ProfileEntry {
        /** The flush that wrote it (schema 2.2); 0 in older recordings. */
        public final long flush;

        public CallerStats(JfrReader r) {
            super(r, implicitFields(r), true);
            flush = ADDITIONS.get().callerFlush() ? r.getVarlong() : 0;
        }
    }

    /** {@code jfrtrace.RecordingInfo}: what wrote the chunk. */
    public static final class RecordingInfo extends Event {
        public final int schemaVersion;
        public final String agentVersion;
        public final String options;
        public final String timer;
        public final long timeUnit;
        /** Schema 2.1 on; 0 in older recordings. */
        public final int schemaMinorVersion;
        /** The run that wrote the chunk (schema 2.2); null in older recordings. */
        public final String runId;
        /** What the call profile's times measure (schema 2.6, a TimerMode word); null in older recordings (wall). */
        public final String timerMode;

        public RecordingInfo(JfrReader r) {
            super(implicitFields(r), 0, 0);
            schemaVersion = r.getVarint();
            agentVersion = r.getString();
            options = r.getString();
            timer = r.getString();
            timeUnit = r.getVarlong();
            schemaMinorVersion = ADDITIONS.get().minorVersion() ? r.getVarint() : 0;
            runId = ADDITIONS.get().runId() ? r.getString() : null;
            timerMode = ADDITIONS.get().timerMode() ? r.getString() : null;
        }
    }

    /** {@code jfrtrace.FunctionTotals} (schema 2.2): one function's counters since the run began, in a checkpoint. */
    public static final class FunctionTotals extends ProfileEntry {
        public final long checkpoint;

        public FunctionTotals(JfrReader r) {
            this(r, implicitFields(r), r.getVarlong()); // arguments are evaluated left to right: the field order
        }

        private FunctionTotals(JfrReader r, long time, long checkpoint) {
            super(r, time, false);
            this.checkpoint = checkpoint;
        }
    }

    /** {@code jfrtrace.CallerTotals} (schema 2.2): one edge's counters since the run began, in a checkpoint. */
    public static final class CallerTotals extends ProfileEntry {
        public final long checkpoint;

        public CallerTotals(JfrReader r) {
            this(r, implicitFields(r), r.getVarlong()); // arguments are evaluated left to right: the field order
        }

        private CallerTotals(JfrReader r, long time, long checkpoint) {
            super(r, time, true);
            this.checkpoint = checkpoint;
        }
    }

    /** {@code jfrtrace.ProfileCheckpoint} (schema 2.2): a checkpoint's header, committed after its entries. */
    public static final class ProfileCheckpoint extends Event {
        public final String runId;
        public final long checkpoint;
        public final long flush;
        public final int functionCount;
        public final int callerCount;

        public ProfileCheckpoint(JfrReader r) {
            super(implicitFields(r), 0, 0);
            runId = r.getString();
            checkpoint = r.getVarlong();
            flush = r.getVarlong();
            functionCount = r.getVarint();
            callerCount = r.getVarint();
        }
    }

    /** {@code jfrtrace.AllocationSnapshot}: a tracemalloc snapshot's header, committed after its traces. */
    public static final class AllocationSnapshot extends Event {
        public final int snapshotId;
        public final String label;
        public final String reason;
        public final int tracebackLimit;
        public final long tracedCurrent;
        public final long tracedPeak;
        public final int traceCount;
        public final boolean exact;
        public final long recorderMemory;
        /** The start time as nanoseconds since the epoch. */
        public final long epochNanos;

        public AllocationSnapshot(JfrReader r) {
            super(implicitFields(r), 0, 0);
            epochNanos = r.eventTimeToNanos(time);
            snapshotId = r.getVarint();
            label = r.getString();
            reason = r.getString();
            tracebackLimit = r.getVarint();
            tracedCurrent = r.getVarlong();
            tracedPeak = r.getVarlong();
            traceCount = r.getVarint();
            exact = r.getBoolean();
            recorderMemory = r.getVarlong();
        }
    }

    /** {@code jfrtrace.AllocationTrace}: one traceback of a snapshot. */
    public static final class AllocationTrace extends Event {
        public final int snapshotId;
        public final int domain;
        public final long size;
        public final long count;
        public final int totalNframe;
        public final String frames;
        public final long allocatedSize;
        public final long allocatedCount;

        public AllocationTrace(JfrReader r) {
            super(implicitFields(r), 0, 0);
            snapshotId = r.getVarint();
            domain = r.getVarint();
            size = r.getVarlong();
            count = r.getVarlong();
            totalNframe = r.getVarint();
            frames = r.getString();
            allocatedSize = r.getVarlong();
            allocatedCount = r.getVarlong();
        }
    }

    /** {@code jfrtrace.LineTable} (schema 2.3): one class's executable lines, once per class. */
    public static final class LineTable extends Event {
        public final String file;
        public final String className;
        public final String lines;
        public final long flush;

        public LineTable(JfrReader r) {
            super(implicitFields(r), 0, 0);
            file = r.getString();
            className = r.getString();
            lines = r.getString();
            flush = r.getVarlong();
        }
    }

    /** {@code jfrtrace.LineCounts} (schema 2.3): one class's line executions since the previous flush. */
    public static final class LineCounts extends Event {
        public final String file;
        public final String className;
        public final String counts;
        public final long flush;

        public LineCounts(JfrReader r) {
            super(implicitFields(r), 0, 0);
            file = r.getString();
            className = r.getString();
            counts = r.getString();
            flush = r.getVarlong();
        }
    }

    /** {@code jfrtrace.LineTotals} (schema 2.4): one class's lines and counts since the run began, in a checkpoint. */
    public static final class LineTotals extends Event {
        public final long checkpoint;
        public final String file;
        public final String className;
        public final String lines;
        public final String counts;

        public LineTotals(JfrReader r) {
            super(implicitFields(r), 0, 0);
            checkpoint = r.getVarlong();
            file = r.getString();
            className = r.getString();
            lines = r.getString();
            counts = r.getString();
        }
    }

    /** {@code jfrtrace.LineCheckpoint} (schema 2.4): a checkpoint's header, committed after its LineTotals. */
    public static final class LineCheckpoint extends Event {
        public final String runId;
        public final long checkpoint;
        public final long flush;
        public final int classCount;

        public LineCheckpoint(JfrReader r) {
            super(implicitFields(r), 0, 0);
            runId = r.getString();
            checkpoint = r.getVarlong();
            flush = r.getVarlong();
            classCount = r.getVarint();
        }
    }

    /** {@code jfrtrace.CallTreeNode} (schema 2.6): one call path of the call tree, once per path. */
    public static final class CallTreeNode extends Event {
        public final int node;
        public final int parent;
        public final String file;
        public final int line;
        public final String function;
        public final long flush;

        public CallTreeNode(JfrReader r) {
            super(implicitFields(r), 0, 0);
            node = r.getVarint();
            parent = r.getVarint();
            file = r.getString();
            line = r.getVarint();
            function = r.getString();
            flush = r.getVarlong();
        }
    }

    /** {@code jfrtrace.CallTreeCounts} (schema 2.6): one call path's calls and times since the previous flush. */
    public static final class CallTreeCounts extends Event {
        public final int node;
        public final long callCount;
        public final long inlineTime;
        public final long totalTime;
        public final long flush;

        public CallTreeCounts(JfrReader r) {
            super(implicitFields(r), 0, 0);
            node = r.getVarint();
            callCount = r.getVarlong();
            inlineTime = r.getVarlong();
            totalTime = r.getVarlong();
            flush = r.getVarlong();
        }
    }

    /** {@code jfrtrace.CallTreeTotals} (schema 2.6): one call path and its counters since the run began, in a checkpoint. */
    public static final class CallTreeTotals extends Event {
        public final long checkpoint;
        public final int node;
        public final int parent;
        public final String file;
        public final int line;
        public final String function;
        public final long callCount;
        public final long inlineTime;
        public final long totalTime;

        public CallTreeTotals(JfrReader r) {
            super(implicitFields(r), 0, 0);
            checkpoint = r.getVarlong();
            node = r.getVarint();
            parent = r.getVarint();
            file = r.getString();
            line = r.getVarint();
            function = r.getString();
            callCount = r.getVarlong();
            inlineTime = r.getVarlong();
            totalTime = r.getVarlong();
        }
    }

    /** {@code jfrtrace.CallTreeCheckpoint} (schema 2.6): a checkpoint's header, committed after its CallTreeTotals. */
    public static final class CallTreeCheckpoint extends Event {
        public final String runId;
        public final long checkpoint;
        public final long flush;
        public final int nodeCount;

        public CallTreeCheckpoint(JfrReader r) {
            super(implicitFields(r), 0, 0);
            runId = r.getString();
            checkpoint = r.getVarlong();
            flush = r.getVarlong();
            nodeCount = r.getVarint();
        }
    }
}
