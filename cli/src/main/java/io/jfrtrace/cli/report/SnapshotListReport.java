package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.jfr.SnapshotInfo;

/** {@code alloc --list}: the allocation snapshots of a recording. */
public record SnapshotListReport(List<SnapshotInfo> snapshots) {
    public SnapshotListReport {
        snapshots = List.copyOf(snapshots);
    }
}
