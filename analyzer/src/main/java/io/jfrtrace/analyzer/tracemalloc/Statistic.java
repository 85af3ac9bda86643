package io.jfrtrace.analyzer.tracemalloc;

import java.util.Comparator;

/** Python's {@code tracemalloc.Statistic}: one group of traces. */
public record Statistic(Traceback traceback, long size, long count) {
    /** Python's sort key {@code (size, count, traceback)}, ascending; reports use its reverse. */
    public static final Comparator<Statistic> KEY_ORDER = Comparator.comparingLong(Statistic::size)
            .thenComparingLong(Statistic::count)
            .thenComparing(Statistic::traceback);

    /** {@code "TB: size=S, count=N[, average=A]"}. */
    @Override
    public String toString() {
        String text = traceback + ": size=" + SizeFormat.format(size, false) + ", count=" + count;
        if (count != 0) text += ", average=" + SizeFormat.format(SizeFormat.trueDivide(size, count), false);
        return text;
    }
}
