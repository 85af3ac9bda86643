package io.jfrtrace.cli.alloc;

import java.io.IOException;
import java.util.List;

import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.jfr.SnapshotInfo;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;

/** A snapshot picked out of a recording by {@link SnapshotRef}, with its metadata. */
public record LoadedSnapshot(SnapshotInfo info, Snapshot snapshot) {
    public static LoadedSnapshot load(SnapshotRef ref, AllocationReader.View view) throws IOException {
        List<SnapshotInfo> all = AllocationReader.list(ref.file());
        SnapshotInfo info = AllocationReader.select(ref.file(), all, ref.selector());
        return new LoadedSnapshot(info, AllocationReader.snapshot(ref.file(), info, view));
    }
}
