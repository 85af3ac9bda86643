package io.jfrtrace.recorder.jfr;

import java.util.Arrays;

import io.jfrtrace.runtime.LineCounter;
import io.jfrtrace.runtime.LineRegistry;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineLists;
import io.jfrtrace.schema.LineTableEvent;

/**
 * The line counts' part of a flush: the line tables of the classes registered since the previous flush, then per
 * class what every thread's counters gained since then, summed over threads, as LineTable / LineCounts events.
 */
final class LineDeltas {
    /** Classes whose table has been written (ids below it). */
    private int tablesWritten;

    /** Writes the tables of the classes registered since the previous flush, then the counts' deltas. */
    void flush(long flush) {
        int registered = LineRegistry.count();
        for (int id = tablesWritten; id < registered; id++) {
            LineTableEvent e = new LineTableEvent();
            e.file = LineRegistry.file(id);
            e.className = LineRegistry.className(id);
            e.lines = LineLists.lines(LineRegistry.lines(id));
            e.flush = flush;
            e.commit();
        }
        tablesWritten = Math.max(tablesWritten, registered);
        long[][] sums = new long[registered][];
        for (LineCounter c : LineCounter.all()) {
            // read liveness first: a dead thread's counters are final and visible after isAlive()==false
            boolean alive = c.isOwnerAlive();
            sums = addCounters(c, sums);
            if (!alive) {
                LineCounter.remove(c);
            }
        }
        emit(sums, flush);
    }

    /** Adds what {@code c}'s counters gained since they were last added, and remembers them as added. */
    private static long[][] addCounters(LineCounter c, long[][] sums) {
        long[][] current = c.classes();
        if (c.flushed.length < current.length) {
            c.flushed = Arrays.copyOf(c.flushed, current.length);
        }
        if (sums.length < current.length) {
            sums = Arrays.copyOf(sums, current.length);
        }
        for (int id = 0; id < current.length; id++) {
            long[] counts = current[id];
            if (counts == null) {
                continue;
            }
            long[] last = c.flushed[id];
            if (last == null) {
                last = c.flushed[id] = new long[counts.length];
            }
            for (int i = 0; i < counts.length; i++) {
                long v = counts[i];
                long d = v - last[i];
                if (d != 0) {
                    if (sums[id] == null) {
                        sums[id] = new long[counts.length];
                    }
                    sums[id][i] += d;
                    last[i] = v;
                }
            }
        }
        return sums;
    }

    private static void emit(long[][] sums, long flush) {
        for (int id = 0; id < sums.length; id++) {
            long[] s = sums[id];
            if (s == null) {
                continue;
            }
            int[] lines = LineRegistry.lines(id);
            StringBuilder counts = new StringBuilder();
            for (int i = 0; i < s.length; i++) {
                if (s[i] != 0) {
                    LineLists.appendCount(counts, lines[i], s[i]);
                }
            }
            LineCountsEvent e = new LineCountsEvent();
            e.file = LineRegistry.file(id);
            e.className = LineRegistry.className(id);
            e.counts = counts.toString();
            e.flush = flush;
            e.commit();
        }
    }
}
