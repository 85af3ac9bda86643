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
import io.jfrtrace.schema.AllocationFrames;
import io.jfrtrace.schema.AllocationSnapshotEvent;
import io.jfrtrace.schema.AllocationTraceEvent;

/**
 * Reads tracemalloc snapshots ({@code jfrtrace.AllocationSnapshot} / {@code jfrtrace.AllocationTrace},
 * docs/events.md) from a recording, one chunk at a time.
 */
public final class AllocationReader {
    static final String SNAPSHOT = AllocationSnapshotEvent.NAME;
    static final String TRACE = AllocationTraceEvent.NAME;

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
                        if (f.number(e, AllocationTraceEvent.SNAPSHOT_ID) != info.id()) {
                            continue;
                        }
                        long size = view == View.LIVE ? f.number(e, AllocationTraceEvent.SIZE) : f.number(e, AllocationTraceEvent.ALLOCATED_SIZE);
                        long count = view == View.LIVE ? f.number(e, AllocationTraceEvent.COUNT) : f.number(e, AllocationTraceEvent.ALLOCATED_COUNT);
                        if (count > 0) {
                            traces.add(new Trace((int) f.number(e, AllocationTraceEvent.DOMAIN), size, count,
                                    traceback(f.string(e, AllocationTraceEvent.FRAMES), (int) f.number(e, AllocationTraceEvent.TOTAL_NFRAME))));
                        }
                    }
                }
            }
        });
        return new Snapshot(traces, info.tracebackLimit());
    }

    /** The {@code frames} field ({@link AllocationFrames}), oldest first. */
    static Traceback traceback(String frames, int totalNframe) {
        List<Frame> list = AllocationFrames.decode(frames, Frame::new);
        if (list.isEmpty()) {
            list.add(new Frame("<unknown>", 0));
        }
        return new Traceback(list, totalNframe);
    }

    private static SnapshotInfo info(EventFields f, IItem e) {
        return new SnapshotInfo((int) f.number(e, AllocationSnapshotEvent.SNAPSHOT_ID), f.string(e, AllocationSnapshotEvent.LABEL), f.string(e, AllocationSnapshotEvent.REASON),
                startTime(f, e), (int) f.number(e, AllocationSnapshotEvent.TRACEBACK_LIMIT), f.bytes(e, AllocationSnapshotEvent.TRACED_CURRENT),
                f.bytes(e, AllocationSnapshotEvent.TRACED_PEAK), (int) f.number(e, AllocationSnapshotEvent.TRACE_COUNT),
                Boolean.parseBoolean(f.string(e, AllocationSnapshotEvent.EXACT)), f.bytes(e, AllocationSnapshotEvent.RECORDER_MEMORY));
    }

    private static Instant startTime(EventFields f, IItem e) {
        return f.instant(e, "startTime");
    }
}
