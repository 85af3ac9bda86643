package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.tracemalloc.Frame;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.Trace;
import io.jfrtrace.analyzer.tracemalloc.Traceback;

/**
 * Reads tracemalloc snapshots ({@code jfrtrace.AllocationSnapshot} / {@code jfrtrace.AllocationTrace},
 * docs/events.md) from a recording, one chunk at a time.
 */
public final class AllocationReader {
    static final String SNAPSHOT = "jfrtrace.AllocationSnapshot";
    static final String TRACE = "jfrtrace.AllocationTrace";

    /** Which numbers a snapshot's traces carry: live blocks, or everything allocated since start/clear. */
    public enum View { LIVE, ALLOCATED }

    private AllocationReader() {
    }

    /** Every snapshot of the recording, in id order; fails if there is none. */
    public static List<SnapshotInfo> list(Path file) throws IOException {
        List<SnapshotInfo> out = new ArrayList<>();
        ChunkedRecording.open(file).forEachChunk(byType -> {
            for (IItemIterable events : byType) {
                if (SNAPSHOT.equals(events.getType().getIdentifier())) {
                    EventFields f = new EventFields(events.getType());
                    for (IItem e : events) {
                        out.add(info(f, e));
                    }
                }
            }
        });
        if (out.isEmpty()) {
            throw new NoEventsException(file, "no jfr-trace allocation snapshots (jfrtrace.AllocationSnapshot); "
                    + "record the program with 'jfr-trace record --alloc'");
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return out;
    }

    /**
     * The snapshot {@code selector} names: its id, else its label (the last snapshot with that label),
     * or the last snapshot when the selector is null.
     */
    public static SnapshotInfo select(Path file, List<SnapshotInfo> snapshots, String selector) throws RecordingException {
        if (selector == null || selector.isEmpty()) {
            return snapshots.get(snapshots.size() - 1);
        }
        SnapshotInfo byLabel = null;
        for (SnapshotInfo s : snapshots) {
            if (Integer.toString(s.id()).equals(selector)) {
                return s;
            }
            if (selector.equals(s.label())) {
                byLabel = s;
            }
        }
        if (byLabel == null) {
            throw new RecordingException(file, "no snapshot '" + selector + "' (ids 1.." + snapshots.get(snapshots.size() - 1).id()
                    + "; 'jfr-trace alloc " + file + " --list' shows them)");
        }
        return byLabel;
    }

    /** The traces of one snapshot as a tracemalloc Snapshot. */
    public static Snapshot snapshot(Path file, SnapshotInfo info, View view) throws IOException {
        List<Trace> traces = new ArrayList<>();
        ChunkedRecording.open(file).forEachChunk(byType -> {
            for (IItemIterable events : byType) {
                if (TRACE.equals(events.getType().getIdentifier())) {
                    EventFields f = new EventFields(events.getType());
                    for (IItem e : events) {
                        if (f.number(e, "snapshotId") != info.id()) {
                            continue;
                        }
                        long size = view == View.LIVE ? f.number(e, "size") : f.number(e, "allocatedSize");
                        long count = view == View.LIVE ? f.number(e, "count") : f.number(e, "allocatedCount");
                        if (count > 0) {
                            traces.add(new Trace((int) f.number(e, "domain"), size, count,
                                    traceback(f.string(e, "frames"), (int) f.number(e, "totalNframe"))));
                        }
                    }
                }
            }
        });
        return new Snapshot(traces, info.tracebackLimit());
    }

    /** {@code file:line;file:line}, oldest first; a file name may itself hold ':' but not ';'. */
    static Traceback traceback(String frames, int totalNframe) {
        List<Frame> list = new ArrayList<>();
        if (frames != null && !frames.isEmpty()) {
            for (String f : frames.split(";")) {
                int colon = f.lastIndexOf(':');
                list.add(colon < 0 ? new Frame(f, 0) : new Frame(f.substring(0, colon), Integer.parseInt(f.substring(colon + 1))));
            }
        }
        if (list.isEmpty()) {
            list.add(new Frame("<unknown>", 0));
        }
        return new Traceback(list, totalNframe);
    }

    private static SnapshotInfo info(EventFields f, IItem e) {
        return new SnapshotInfo((int) f.number(e, "snapshotId"), f.string(e, "label"), f.string(e, "reason"),
                startTime(f, e), (int) f.number(e, "tracebackLimit"), f.bytes(e, "tracedCurrent"), f.bytes(e, "tracedPeak"),
                (int) f.number(e, "traceCount"), Boolean.parseBoolean(f.string(e, "exact")), f.bytes(e, "recorderMemory"));
    }

    private static Instant startTime(EventFields f, IItem e) {
        return f.instant(e, "startTime");
    }
}
