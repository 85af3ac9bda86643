package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.estimate.EstimatedStatistic;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;

/**
 * {@code alloc}: a snapshot's statistics. {@code estimate} is set (and {@code snapshot} is its snapshot) when the
 * numbers are the JVM's own sampled estimates, which may leave sizes or counts unknown; {@code notice} then says so
 * in the text report's first line. {@code prettyTop}, when set, asks for the documentation's display_top instead.
 */
public record AllocationReport(Snapshot snapshot, Estimate estimate, String notice, Grouping grouping,
        Tracebacks tracebacks, Integer prettyTop) {
    /** A jfr-trace snapshot: every number measured. */
    public static AllocationReport exact(Snapshot snapshot, Grouping grouping, Tracebacks tracebacks, Integer prettyTop) {
        return new AllocationReport(snapshot, null, null, grouping, tracebacks, prettyTop);
    }

    /** JFR's sampled estimates, and the line that says where they come from. */
    public static AllocationReport estimated(Estimate estimate, String notice, Grouping grouping, Tracebacks tracebacks,
            Integer prettyTop) {
        return new AllocationReport(estimate.snapshot(), estimate, notice, grouping, tracebacks, prettyTop);
    }

    /** {@code statistics(key, cumulative)[:limit]}, each saying whether its size and count are known. */
    public List<EstimatedStatistic> statistics() {
        List<EstimatedStatistic> all = estimate != null
                ? estimate.statistics(grouping.key(), grouping.cumulative())
                : snapshot.statistics(grouping.key(), grouping.cumulative()).stream()
                        .map(s -> new EstimatedStatistic(s, true, true)).toList();
        return all.subList(0, Math.min(grouping.limit(), all.size()));
    }
}
