package io.jfrtrace.recorder.jfr;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import io.jfrtrace.runtime.CallTree;
import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.OpenCalls;
import io.jfrtrace.runtime.ThreadProfile;
import io.jfrtrace.schema.CallTreeCountsEvent;

/**
 * The call tree's part of one flush ({@code record --call-tree}), beside the call profile's {@link ProfileDeltas}: what
 * each thread's tree gained since the previous flush, merged by call path ({@link CallTreeTotals}) and summed over
 * threads, and at the end what closing the open calls adds; emitted as CallTreeNode tables for the new paths, then one
 * CallTreeCounts per path that gained.
 */
final class CallTreeDeltas {
    private static final int W = CallTree.STRIDE;

    private final CallTreeTotals tree;
    /** Per merged node, calls, self and total ticks gained in this flush. */
    private long[] sums;
    /** Per thread added, the nodes of its open frames when its counters were taken (for the calls closed at the end). */
    private final Map<ThreadProfile, int[]> openNodes = new IdentityHashMap<>();
    /** Whether this flush closes the open calls (the last one): only then are the open frames' nodes copied. */
    private final boolean closing;

    CallTreeDeltas(CallTreeTotals tree, boolean closing) {
        this.tree = tree;
        this.closing = closing;
        this.sums = new long[3 * Math.max(64, tree.count())];
    }

    /** Adds what {@code p}'s tree gained since it was last added, and remembers it as added. */
    void addCounters(ThreadProfile p) {
        CallTree t = p.tree;
        if (t == null) {
            return;
        }
        int n = t.count(); // volatile read: the keys and counters below it are published
        long[] cur = t.counters();
        map(t, n);
        long[] last = t.flushed = CounterGains.fit(t.flushed, W * n);
        growTo(tree.count());
        for (int node = 1; node < n; node++) {
            CounterGains.take(cur, last, W * node, 3, sums, 3 * t.merged[node]);
        }
        if (closing) {
            openNodes.put(p, t.openNodes(p.depth()));
        }
    }

    /** Maps the nodes of {@code t} below {@code n} not mapped yet to merged nodes (a parent is mapped before its child). */
    private void map(CallTree t, int n) {
        if (t.mergedInto != tree) { // first seen by this recording's flusher (a thread's tree outlives an attach)
            t.mergedInto = tree;
            t.merged = new int[0];
            t.mapped = 0;
        }
        if (t.merged.length < n) {
            t.merged = Arrays.copyOf(t.merged, Math.max(n, 2 * t.merged.length));
        }
        if (t.mapped == 0) {
            t.merged[CallTree.ROOT] = 0;
            t.mapped = 1;
        }
        for (int node = t.mapped; node < n; node++) {
            t.merged[node] = tree.node(t.merged[t.parent(node)], t.function(node));
        }
        t.mapped = Math.max(t.mapped, n);
    }

    /** Adds the return of {@code p}'s call {@code c}, still open at the end (flush_unmatched, as ProfileDeltas does). */
    void addClosed(ThreadProfile p, OpenCalls.Closed c) {
        int[] open = openNodes.get(p);
        CallTree t = p.tree;
        if (open == null || c.frame() >= open.length || t == null) {
            return;
        }
        int local = open[c.frame()];
        map(t, t.count());
        if (local <= 0 || local >= t.mapped) {
            return; // a frame whose node is not known: the copy was torn
        }
        int node = t.merged[local];
        growTo(tree.count());
        sums[3 * node]++;
        sums[3 * node + 1] += c.inline();
        sums[3 * node + 2] += c.total();
    }

    private void growTo(int nodes) {
        if (sums.length < 3 * nodes) {
            sums = Arrays.copyOf(sums, Math.max(3 * nodes, 2 * sums.length));
        }
    }

    /**
     * Writes the tables of the paths new since the previous flush, then one CallTreeCounts per path that gained, and
     * adds them to the totals. A "(truncated)" path's total time is its self time: it holds whole subtrees, whose
     * nested calls would otherwise count their time twice.
     */
    void emit(long flush) {
        tree.writeTables(flush);
        for (int node = 1; 3 * node < sums.length && node < tree.count(); node++) {
            int b = 3 * node;
            if (sums[b] == 0 && sums[b + 1] == 0 && sums[b + 2] == 0) {
                continue;
            }
            CallTreeCountsEvent e = new CallTreeCountsEvent();
            e.node = node;
            e.callCount = sums[b];
            e.inlineTime = Clock.toNanos(sums[b + 1]);
            e.totalTime = tree.truncated(node) ? e.inlineTime : Clock.toNanos(sums[b + 2]);
            e.flush = flush;
            e.commit();
            tree.add(node, e.callCount, e.inlineTime, e.totalTime);
        }
    }
}
