package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.tracemalloc.Frame;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.Traceback;
import io.jfrtrace.schema.AllocationFrames;

/**
 * Reads tracemalloc snapshots ({@code jfrtrace.AllocationSnapshot} / {@code jfrtrace.AllocationTrace},
 * docs/events.md) from a recording, each in one pass over the file; for a recording without any, the JVM's own
 * estimates ({@link StockAllocationReader}) in the same pass.
 */
public final class AllocationReader {
    /** Which numbers a snapshot's traces carry: live blocks, or everything allocated since start/clear. */
    public enum View { LIVE, ALLOCATED }

    /** A snapshot picked out of a recording, with its traces. */
    public record Selected(SnapshotInfo info, Snapshot snapshot) {
    }

    /** jfr-trace's snapshot, or (the recording holding none) the JVM's estimate: exactly one is non-null. */
    public record Allocations(Selected ours, Sourced<Estimate> stock) {
    }

    private AllocationReader() {
    }

    /** Every snapshot of the recording, in id order; fails if there is none. */
    public static List<SnapshotInfo> list(Path file) throws IOException {
        SnapshotSource snapshots = new SnapshotSource(List.of(), View.LIVE);
        Recording.open(file).read(List.of(snapshots));
        return requireSnapshots(file, snapshots);
    }

    /** The snapshot {@code selector} names (see {@link #select}), read in one pass. */
    public static Selected load(Path file, String selector, View view) throws IOException {
        return load(file, java.util.Collections.singletonList(selector), view).get(0);
    }

    /** The snapshots several selectors name in one recording, read in one pass. */
    public static List<Selected> load(Path file, List<String> selectors, View view) throws IOException {
        SnapshotSource snapshots = new SnapshotSource(selectors, view);
        Recording.open(file).read(List.of(snapshots));
        return selected(file, snapshots, selectors);
    }

    /**
     * In one pass: the snapshot {@code selector} names; or, if the recording holds no snapshot at all and no selector
     * is given, the JVM's estimate for {@code view} (see {@link Provenance} for the rule).
     */
    public static Allocations read(Path file, String selector, View view) throws IOException {
        List<String> selectors = java.util.Collections.singletonList(selector);
        SnapshotSource snapshots = new SnapshotSource(selectors, view);
        StockAllocationReader stock = new StockAllocationReader();
        Recording.open(file).read(List.of(snapshots, stock));
        if (!snapshots.infos().isEmpty() || selector != null && !selector.isEmpty()) {
            return new Allocations(selected(file, snapshots, selectors).get(0), null);
        }
        Sourced<Estimate> estimate = stock.estimate(view);
        if (estimate == null) {
            throw new NoEventsException(file, "no allocation data: neither jfr-trace snapshots (jfrtrace.AllocationSnapshot) "
                    + "nor JFR's jdk.ObjectAllocationSample / jdk.OldObjectSample events");
        }
        return new Allocations(null, estimate);
    }

    private static List<Selected> selected(Path file, SnapshotSource snapshots, List<String> selectors) throws IOException {
        List<SnapshotInfo> all = requireSnapshots(file, snapshots);
        List<Selected> out = new ArrayList<>();
        for (String selector : selectors) {
            SnapshotInfo info = select(file, all, selector);
            out.add(new Selected(info, new Snapshot(snapshots.traces(info.id()), info.tracebackLimit())));
        }
        return out;
    }

    private static List<SnapshotInfo> requireSnapshots(Path file, SnapshotSource snapshots) throws NoEventsException {
        if (snapshots.infos().isEmpty()) {
            throw new NoEventsException(file, "no jfr-trace allocation snapshots (jfrtrace.AllocationSnapshot)");
        }
        return snapshots.infos();
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
            throw new UnknownSnapshotException(file, selector, snapshots.get(snapshots.size() - 1).id());
        }
        return byLabel;
    }

    /** The {@code frames} field ({@link AllocationFrames}), oldest first. */
    static Traceback traceback(String frames, int totalNframe) {
        List<Frame> list = AllocationFrames.decode(frames, Frame::new);
        if (list.isEmpty()) {
            list.add(new Frame("<unknown>", 0));
        }
        return new Traceback(list, totalNframe);
    }

    static SnapshotInfo info(OurEvents.AllocationSnapshot e) {
        return new SnapshotInfo(e.snapshotId, e.label, e.reason, Instant.EPOCH.plusNanos(e.epochNanos), e.tracebackLimit,
                e.tracedCurrent, e.tracedPeak, e.traceCount, e.exact, e.recorderMemory);
    }
}
