package io.jfrtrace.analyzer.tracemalloc;

import java.util.Comparator;

/** Python's {@code tracemalloc.StatisticDiff}: one group compared with the same group of an older snapshot. */
public record StatisticDiff(Traceback traceback, long size, long sizeDiff, long count, long countDiff) {
    /** Python's sort key {@code (|size_diff|, size, |count_diff|, count, traceback)}, ascending; reports use its reverse. */
    public static final Comparator<StatisticDiff> KEY_ORDER =
            Comparator.comparingLong((StatisticDiff d) -> Math.abs(d.sizeDiff()))
                    .thenComparingLong(StatisticDiff::size)
                    .thenComparingLong(d -> Math.abs(d.countDiff()))
                    .thenComparingLong(StatisticDiff::count)
                    .thenComparing(StatisticDiff::traceback);

    /** {@code "TB: size=S (+D), count=N (+C)[, average=A]"}. */
    @Override
    public String toString() {
        String text = traceback + ": size=" + SizeFormat.format(size, false)
                + " (" + SizeFormat.format(sizeDiff, true) + "), count=" + count
                + " (" + (countDiff >= 0 ? "+" : "") + countDiff + ")";
        if (count != 0) text += ", average=" + SizeFormat.format(SizeFormat.trueDivide(size, count), false);
        return text;
    }
}
