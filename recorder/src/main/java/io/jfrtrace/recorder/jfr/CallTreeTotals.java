package io.jfrtrace.recorder.jfr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.runtime.CallTree;
import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.schema.CallTreeCheckpointEvent;
import io.jfrtrace.schema.CallTreeCountsEvent;
import io.jfrtrace.schema.CallTreeNodeEvent;
import io.jfrtrace.schema.CallTreeTotalsEvent;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * The call tree of all threads since the run began, as the flushes emitted it ({@code record --call-tree}): the
 * threads' trees merged by call path into nodes numbered 1, 2, … (0: the root; a parent before its children), each
 * node's table written once ({@link #writeTables}), the sum of every delta kept on the flushing thread and written whole
 * as a checkpoint at the end of each chunk (as {@link ProfileTotals} for the call profile).
 */
final class CallTreeTotals extends CheckpointWriter {
    /** Per node: parent << 32 | function (the runtime's function id, or CallTree.TRUNCATED). */
    private long[] keys = new long[64];
    /** Per node: calls, self and total nanoseconds since the run began. */
    private long[] totals = new long[3 * 64];
    private final Map<Long, Integer> ids = new HashMap<>();
    private int count = 1;
    /** Nodes whose CallTreeNode event has been written (ids below it). */
    private int tables = 1;

    /** Registers and enables the call tree's events in {@code r}, before it starts (see Flusher.install). */
    void enableEvents(Recording r) {
        for (Class<? extends Event> c : List.of(CallTreeNodeEvent.class, CallTreeCountsEvent.class,
                CallTreeTotalsEvent.class, CallTreeCheckpointEvent.class)) {
            FlightRecorder.register(c);
            r.enable(c).withoutStackTrace();
        }
    }

    /** The merged node of {@code function} called on the path of merged node {@code parent}, made if new. */
    int node(int parent, int function) {
        long key = ((long) parent << 32) | (function & 0xffffffffL);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, 2 * count);
            totals = Arrays.copyOf(totals, 3 * 2 * count);
        }
        keys[count] = key;
        ids.put(key, count);
        return count++;
    }

    /** Nodes so far, the root included. */
    int count() {
        return count;
    }

    boolean truncated(int node) {
        return (int) keys[node] == CallTree.TRUNCATED;
    }

    /** Writes the table of every node made since the last call. */
    void writeTables(long flush) {
        for (; tables < count; tables++) {
            CallTreeNodeEvent e = new CallTreeNodeEvent();
            e.node = tables;
            e.parent = (int) (keys[tables] >>> 32);
            e.file = file(tables);
            e.line = line(tables);
            e.function = function(tables);
            e.flush = flush;
            e.commit();
        }
    }

    /** Adds one emitted delta of {@code node} (nanoseconds). */
    void add(int node, long calls, long self, long total) {
        totals[3 * node] += calls;
        totals[3 * node + 1] += self;
        totals[3 * node + 2] += total;
    }

    /** Whether any node has been made (no checkpoint is written before: no call has been seen). */
    boolean hasEntries() {
        return count > 1;
    }

    /** One CallTreeTotals per node whose table has been written, parents first. */
    @Override
    void writeEntries(long id) {
        for (int n = 1; n < tables; n++) {
            CallTreeTotalsEvent e = new CallTreeTotalsEvent();
            e.checkpoint = id;
            e.node = n;
            e.parent = (int) (keys[n] >>> 32);
            e.file = file(n);
            e.line = line(n);
            e.function = function(n);
            e.callCount = totals[3 * n];
            e.inlineTime = totals[3 * n + 1];
            e.totalTime = totals[3 * n + 2];
            e.commit();
        }
    }

    @Override
    void writeHeader(String runId, long id, long flush) {
        new CallTreeCheckpointEvent(runId, id, flush, tables - 1).commit();
    }

    // a "(truncated)" node is keyed as a built-in is: ~, 0, its name
    private String file(int n) {
        return truncated(n) ? "~" : FunctionRegistry.file((int) keys[n]);
    }

    private int line(int n) {
        return truncated(n) ? 0 : FunctionRegistry.line((int) keys[n]);
    }

    private String function(int n) {
        return truncated(n) ? "(truncated)" : FunctionRegistry.name((int) keys[n]);
    }
}
