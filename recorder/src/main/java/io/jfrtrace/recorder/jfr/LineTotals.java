package io.jfrtrace.recorder.jfr;

import java.util.Arrays;

import io.jfrtrace.runtime.LineRegistry;
import io.jfrtrace.schema.LineCheckpointEvent;
import io.jfrtrace.schema.LineLists;
import io.jfrtrace.schema.LineTotalsEvent;

/**
 * The line counts since the run began, as the flushes emitted them: per class, the sum of every delta, kept on the
 * flushing thread and written whole, with the class's executable lines, as a checkpoint at the end of each chunk (as
 * {@link ProfileTotals} for the call profile), so that a reader needs no chunk before the last checkpoint.
 */
final class LineTotals extends CheckpointWriter {
    /** Per class id, its counts so far (slot i: line {@code LineRegistry.lines(id)[i]}); null before any. */
    private long[][] counts = new long[64][];
    /** Classes whose table has been written (ids below it): those a checkpoint holds, run or not. */
    private int classes;

    /** Classes whose table has been written. */
    int classes() {
        return classes;
    }

    /** Notes that the tables of the classes of ids below {@code n} have been written. */
    void tablesWritten(int n) {
        classes = Math.max(classes, n);
    }

    /** Adds one emitted delta of class {@code id}. */
    void add(int id, long[] delta) {
        if (counts.length <= id) {
            counts = Arrays.copyOf(counts, Math.max(id + 1, 2 * counts.length));
        }
        if (counts[id] == null) {
            counts[id] = new long[delta.length];
        }
        for (int i = 0; i < delta.length; i++) {
            counts[id][i] += delta[i];
        }
    }

    /** One LineTotals per class whose table has been written, with its lines and counts. */
    @Override
    void writeEntries(long id) {
        for (int c = 0; c < classes; c++) {
            int[] lines = LineRegistry.lines(c);
            LineTotalsEvent e = new LineTotalsEvent();
            e.checkpoint = id;
            e.file = LineRegistry.file(c);
            e.className = LineRegistry.className(c);
            e.lines = LineLists.lines(lines);
            e.counts = c < counts.length && counts[c] != null ? LineLists.counts(lines, counts[c]) : "";
            e.commit();
        }
    }

    @Override
    void writeHeader(String runId, long id, long flush) {
        new LineCheckpointEvent(runId, id, flush, classes).commit();
    }
}
