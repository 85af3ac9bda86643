package io.jfrtrace.cli.report;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;

/** {@code alloc --csv}: a snapshot's traces themselves (with an estimate's unknown sizes and counts, if any). */
public record TracesReport(Snapshot snapshot, Estimate estimate) {
}
