package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.StatisticDiff;

/** {@code compare}: {@code after.compare_to(before, key_type, cumulative)[:limit]}. */
public record DiffReport(Snapshot before, Snapshot after, Grouping grouping) {
    public List<StatisticDiff> diffs() {
        List<StatisticDiff> all = after.compareTo(before, grouping.key(), grouping.cumulative());
        return all.subList(0, Math.min(grouping.limit(), all.size()));
    }
}
