package io.jfrtrace.recorder.jfr;

import java.util.Arrays;

import io.jfrtrace.runtime.LineCounter;
import io.jfrtrace.runtime.LineRegistry;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineLists;
import io.jfrtrace.schema.LineTableEvent;

/**
 * The line counts' part of a flush: the line tables of the classes registered since the previous flush, then per
 * class what every thread's counters gained since then, summed over threads, as LineTable / LineCounts events; and, at
 * a chunk's end, the checkpoint of them all ({@link LineTotals}).
 */
final class LineDeltas {
    private static final long[] NONE = new long[0];

    private final LineTotals totals = new LineTotals();

    /** Writes the tables of the classes registered since the previous flush, then the counts' deltas. */
    void flush(long flush) {
        int registered = LineRegistry.count();
        for (int id = totals.classes(); id < registered; id++) {
            LineTableEvent e = new LineTableEvent();
            e.file = LineRegistry.file(id);
            e.className = LineRegistry.className(id);
            e.lines = LineLists.lines(LineRegistry.lines(id));
            e.flush = flush;
            e.commit();
        }
        totals.tablesWritten(registered);
        // only classes whose table is written: a class registered since is counted from the next flush on
        long[][] sums = new long[totals.classes()][];
        for (LineCounter c : LineCounter.all()) {
            // read liveness first: a dead thread's counters are final and visible after isAlive()==false
            boolean alive = c.isOwnerAlive();
            addCounters(c, sums);
            if (!alive) {
                LineCounter.remove(c);
            }
        }
        emit(sums, flush);
    }

    /** Writes the line counts since the run began (nothing before a class was registered). */
    void checkpoint(String runId, long flush) {
        if (totals.classes() > 0) {
            totals.checkpoint(runId, flush);
        }
    }

    /** Adds what {@code c}'s counters gained since they were last added, and remembers them as added. */
    private static void addCounters(LineCounter c, long[][] sums) {
        long[][] current = c.classes();
        int n = Math.min(current.length, sums.length);
        if (c.flushed.length < n) {
            c.flushed = Arrays.copyOf(c.flushed, n);
        }
        for (int id = 0; id < n; id++) {
            long[] counts = current[id];
            if (counts == null) {
                continue;
            }
            long[] last = c.flushed[id] = CounterGains.fit(c.flushed[id] == null ? NONE : c.flushed[id], counts.length);
            if (sums[id] == null) {
                sums[id] = new long[counts.length];
            }
            CounterGains.take(counts, last, 0, counts.length, sums[id], 0);
        }
    }

    /** One LineCounts per class that gained, added to the totals. */
    private void emit(long[][] sums, long flush) {
        for (int id = 0; id < sums.length; id++) {
            long[] s = sums[id];
            String counts = s == null ? "" : LineLists.counts(LineRegistry.lines(id), s);
            if (counts.isEmpty()) {
                continue;
            }
            LineCountsEvent e = new LineCountsEvent();
            e.file = LineRegistry.file(id);
            e.className = LineRegistry.className(id);
            e.counts = counts;
            e.flush = flush;
            e.commit();
            totals.add(id, s);
        }
    }
}
