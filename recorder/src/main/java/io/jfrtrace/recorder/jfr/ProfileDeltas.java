package io.jfrtrace.recorder.jfr;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.runtime.OpenCalls;
import io.jfrtrace.runtime.ThreadCounts;
import io.jfrtrace.runtime.ThreadProfile;
import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.FunctionStatsEvent;

/**
 * One flush's deltas, summed over threads: what each thread's counters gained since the previous
 * flush and, at the end of the recording, what closing its open calls adds. Emitted as
 * FunctionStats / CallerStats events.
 */
final class ProfileDeltas {
    private static final int W = ThreadProfile.STRIDE;

    private long[] fnSum = new long[W * Math.max(16, FunctionRegistry.count())];
    private final Map<Long, long[]> edges = new TreeMap<>();

    /** Adds what {@code p}'s counters gained since they were last added, and remembers them as added. */
    void addCounters(ThreadProfile p) {
        long[] cur = p.functionCounters();
        long[] last = p.lastFn = CounterGains.fit(p.lastFn, cur.length);
        growTo(cur.length);
        for (int b = 0; b < cur.length; b += W) { // CALLS, REC, IT, TT; then the recursion level and caches
            CounterGains.take(cur, last, b, 4, fnSum, b);
        }
        int ne = p.edgeCount();
        long[] ec = p.edgeCounters();
        long[] le = p.lastEdge = CounterGains.fit(p.lastEdge, W * ne);
        long[] gained = new long[4];
        for (int e = 0; e < ne; e++) {
            if (CounterGains.take(ec, le, W * e, 4, gained, 0)) { // an edge's sums are made only once it gained
                long[] sum = edge(p.edgeCaller(e), p.edgeCallee(e));
                for (int f = 0; f < 4; f++) {
                    sum[f] += gained[f];
                }
                Arrays.fill(gained, 0);
            }
        }
    }

    /**
     * Adds what {@code c}'s counts ({@code --timer count}: calls and primitive calls, no times) gained since last added;
     * the recursive calls are the calls that were not primitive.
     */
    void addCounts(ThreadCounts c) {
        int cw = ThreadCounts.STRIDE;
        long[] cur = c.functionCounters();
        long[] last = c.lastFn = CounterGains.fit(c.lastFn, cur.length);
        growTo(W * (cur.length / cw - 1));
        long[] gained = new long[2];
        for (int b = cw; b < cur.length; b += cw) { // slot 0 is the thread's root
            if (CounterGains.take(cur, last, b, 2, gained, 0)) {
                addCalls(fnSum, W * (b / cw - 1), gained);
            }
        }
        int ne = c.edgeCount();
        long[] ec = c.edgeCounters();
        long[] le = c.lastEdge = CounterGains.fit(c.lastEdge, cw * ne);
        for (int e = 0; e < ne; e++) {
            int caller = c.edgeCaller(e);
            if (caller != ThreadCounts.ROOT && CounterGains.take(ec, le, cw * e, 2, gained, 0)) {
                addCalls(edge(caller, c.edgeCallee(e)), 0, gained);
            }
        }
    }

    /** Adds {@code gained} calls and primitive calls (then zeroes it) as calls and recursive calls at {@code a[b]}. */
    private static void addCalls(long[] a, int b, long[] gained) {
        a[b + ThreadProfile.CALLS] += gained[ThreadCounts.CALLS];
        a[b + ThreadProfile.REC] += gained[ThreadCounts.CALLS] - gained[ThreadCounts.PRIMITIVE];
        gained[0] = 0;
        gained[1] = 0;
    }

    /** Adds the return of a call that was still open at the end (flush_unmatched). */
    void addClosed(OpenCalls.Closed c) {
        growTo(W * (c.function() + 1));
        add(fnSum, W * c.function(), c.recursive(), c.inline(), c.total());
        if (c.hasCaller()) {
            add(edge(c.caller(), c.function()), 0, c.edgeRecursive(), c.inline(), c.total());
        }
    }

    /** One return in _lsprof's terms: tt counts only for the outermost activation. */
    private static void add(long[] a, int b, boolean recursive, long it, long tt) {
        a[b + ThreadProfile.CALLS]++;
        if (recursive) {
            a[b + ThreadProfile.REC]++;
        } else {
            a[b + ThreadProfile.TT] += tt;
        }
        a[b + ThreadProfile.IT] += it;
    }

    private long[] edge(int caller, int callee) {
        long key = ((long) caller << 32) | (callee & 0xffffffffL);
        return edges.computeIfAbsent(key, k -> new long[4]);
    }

    private void growTo(int length) {
        if (fnSum.length < length) {
            fnSum = Arrays.copyOf(fnSum, Math.max(length, 2 * fnSum.length));
        }
    }

    /** Ticks as nanoseconds; no time (--timer count) needs no clock, whose first conversion waits for its rate. */
    private static long nanos(long ticks) {
        return ticks == 0 ? 0 : Clock.toNanos(ticks);
    }

    /** Commits one event per function and per edge whose sums are not all zero, and adds them to {@code totals}. */
    void emit(long flush, ProfileTotals totals) {
        for (int id = 0; W * id < fnSum.length; id++) {
            int b = W * id;
            if (fnSum[b] == 0 && fnSum[b + 1] == 0 && fnSum[b + 2] == 0 && fnSum[b + 3] == 0) {
                continue;
            }
            FunctionStatsEvent ev = new FunctionStatsEvent();
            ev.file = FunctionRegistry.file(id);
            ev.line = FunctionRegistry.line(id);
            ev.function = FunctionRegistry.name(id);
            ev.callCount = fnSum[b + ThreadProfile.CALLS];
            ev.recursiveCallCount = fnSum[b + ThreadProfile.REC];
            ev.inlineTime = nanos(fnSum[b + ThreadProfile.IT]);
            ev.totalTime = nanos(fnSum[b + ThreadProfile.TT]);
            ev.flush = flush;
            ev.commit();
            totals.addFunction(id, ev.callCount, ev.recursiveCallCount, ev.inlineTime, ev.totalTime);
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
            ev.inlineTime = nanos(s[ThreadProfile.IT]);
            ev.totalTime = nanos(s[ThreadProfile.TT]);
            ev.flush = flush;
            ev.commit();
            totals.addEdge(en.getKey(), ev.callCount, ev.recursiveCallCount, ev.inlineTime, ev.totalTime);
        }
    }
}
