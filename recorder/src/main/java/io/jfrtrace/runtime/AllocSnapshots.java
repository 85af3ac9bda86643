package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.AllocatedTotals.at;

/**
 * Builds allocation snapshots: per traceback the allocated totals since the last clear, the live
 * bytes and objects (exact, or the survival estimate), and the frames' location ids; then hands the
 * snapshot to the sink (the recorder, which commits the events).
 */
final class AllocSnapshots {
    private static final Object LOCK = new Object();
    private static int seq;
    private static AllocSnapshot.Sink sink;

    private AllocSnapshots() {
    }

    static void setSink(AllocSnapshot.Sink s) {
        sink = s;
    }

    /** Takes a snapshot and hands it to the sink; returns its id. */
    static int take(String label, String reason) {
        synchronized (LOCK) {
            // Dead objects must really be gone, or every snapshot would count uncollected garbage as
            // live (tracemalloc sees every free). One full collection per snapshot is the price.
            System.gc();
            Liveness.sweep();
            long[] totals = AllocatedTotals.merged();
            boolean exact = AllocSettings.exact;
            AllocSnapshot s = new AllocSnapshot();
            s.id = ++seq;
            s.label = label;
            s.reason = reason;
            s.tracebackLimit = AllocSettings.nframe;
            s.exact = exact;
            s.recorderMemory = memory();
            Tracebacks.View tbs = Tracebacks.view();
            int ntb = tbs.count();
            Liveness.View live = Liveness.view(ntb);
            s.tracedCurrent = live.current();
            s.tracedPeak = live.peak();
            long[] b = live.base();
            s.size = new long[ntb];
            s.count = new long[ntb];
            s.totalNframe = new int[ntb];
            s.frames = new int[ntb][];
            s.locationFiles = tbs.files();
            s.locationLines = tbs.lines();
            s.allocatedSize = new long[ntb];
            s.allocatedCount = new long[ntb];
            int r = 0;
            for (int tb = 0; tb < ntb; tb++) {
                long ac = at(totals, 2 * tb) - at(b, 2 * tb);
                long as = at(totals, 2 * tb + 1) - at(b, 2 * tb + 1);
                long size = Math.max(0, live.liveBytes()[tb]);
                long count = Math.max(0, Math.round(live.liveCount()[tb]));
                if (!exact) {
                    size = SurvivalEstimate.bytes(as, live.liveBytes()[tb], live.sampledBytes()[tb]);
                    count = Math.round(SurvivalEstimate.count(ac, live.liveCount()[tb], live.sampledCount()[tb]));
                }
                if (ac == 0 && size == 0 && count == 0) {
                    continue;
                }
                s.size[r] = size;
                s.count[r] = count;
                s.totalNframe[r] = tbs.totals()[tb];
                s.frames[r] = tbs.locations()[tb];
                s.allocatedSize[r] = as;
                s.allocatedCount[r] = ac;
                r++;
            }
            s.rows = r;
            if (!exact) {
                long sum = 0;
                for (int i = 0; i < r; i++) {
                    sum += s.size[i];
                }
                s.tracedCurrent = sum; // get_traced_memory()[0] is the sum of the traces
                // the peak of the sample weights, at least the current estimate, at most all that was allocated
                s.tracedPeak = Math.min(Math.max(s.tracedPeak, sum), AllocatedTotals.bytesSince(totals, b));
            }
            AllocSnapshot.Sink k = sink;
            if (k != null) {
                k.emit(s);
            }
            return s.id;
        }
    }

    /** The tracker's own memory, estimated (get_tracemalloc_memory). */
    static long memory() {
        return AllocatedTotals.footprint() + Liveness.footprint() + Tracebacks.footprint();
    }
}
