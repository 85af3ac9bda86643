package io.jfrtrace.analyzer.jfr;

import java.time.Instant;

/** One {@code jfrtrace.AllocationSnapshot} event: what {@code alloc --list} shows. */
public record SnapshotInfo(int id, String label, String reason, Instant time, int tracebackLimit,
        long tracedCurrent, long tracedPeak, int traceCount, boolean exact, long recorderMemory) {
}
