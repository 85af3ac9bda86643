package io.jfrtrace.analyzer.estimate;

import io.jfrtrace.analyzer.tracemalloc.SizeFormat;
import io.jfrtrace.analyzer.tracemalloc.Statistic;

/**
 * A tracemalloc {@link Statistic} whose size or count may be unknown (some sample of its group lacks it); its text
 * is the Statistic's with {@code unknown} in their place and no average.
 */
public record EstimatedStatistic(Statistic statistic, boolean sizeKnown, boolean countKnown) {
    @Override
    public String toString() {
        if (sizeKnown && countKnown) {
            return statistic.toString();
        }
        Statistic s = statistic;
        return s.traceback() + ": size=" + (sizeKnown ? SizeFormat.format(s.size(), false)
                : "unknown") + ", count=" + (countKnown ? Long.toString(s.count()) : "unknown");
    }
}
