package io.jfrtrace.recorder.jfr;

import io.jfrtrace.runtime.AllocSnapshot;
import io.jfrtrace.schema.AllocationFrames;
import io.jfrtrace.schema.AllocationSnapshotEvent;
import io.jfrtrace.schema.AllocationTraceEvent;

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
            e.frames = frames(s, s.frames[i]);
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

    /** The field, oldest first, from location ids most recent first. */
    private static String frames(AllocSnapshot s, int[] locations) {
        StringBuilder sb = new StringBuilder();
        for (int i = locations.length - 1; i >= 0; i--) {
            AllocationFrames.append(sb, s.locationFiles[locations[i]], s.locationLines[locations[i]]);
        }
        return sb.toString();
    }
}
