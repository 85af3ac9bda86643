package io.jfrtrace.recorder.jfr;

import io.jfrtrace.runtime.AllocSnapshot;

/** Commits one AllocationSnapshot event and its AllocationTrace events. */
public final class AllocationEvents implements AllocSnapshot.Sink {
    @Override
    public void emit(AllocSnapshot s) {
        for (int i = 0; i < s.rows; i++) {
            AllocationTraceEvent e = new AllocationTraceEvent();
            e.snapshotId = s.id;
            e.domain = 0;
            e.size = s.size[i];
            e.count = s.count[i];
            e.totalNframe = s.totalNframe[i];
            e.frames = s.frames[i];
            e.allocatedSize = s.allocatedSize[i];
            e.allocatedCount = s.allocatedCount[i];
            e.commit();
        }
        AllocationSnapshotEvent h = new AllocationSnapshotEvent();
        h.snapshotId = s.id;
        h.label = s.label;
        h.reason = s.reason;
        h.tracebackLimit = s.tracebackLimit;
        h.tracedCurrent = s.tracedCurrent;
        h.tracedPeak = s.tracedPeak;
        h.traceCount = s.rows;
        h.exact = s.exact;
        h.recorderMemory = s.recorderMemory;
        h.commit();
    }
}
