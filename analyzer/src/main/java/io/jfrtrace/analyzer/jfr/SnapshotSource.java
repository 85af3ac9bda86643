package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.tracemalloc.Trace;

/**
 * The snapshots of a recording and the traces of those that selectors may name, in one pass. Traces are committed
 * before their snapshot's header, so a trace's snapshot may still be unknown when it is read; traces are kept only
 * while their snapshot may be the one selected (the last one, one id, or the last one with a label), so memory holds
 * about one snapshot's traces per selector, not every snapshot of a long recording.
 */
final class SnapshotSource implements Source<SnapshotSource.Part> {
    private final List<String> selectors;
    private final AllocationReader.View view;
    private final Map<Integer, SnapshotInfo> headers = new HashMap<>();
    private final Map<Integer, List<Trace>> traces = new HashMap<>();

    /** {@code selectors}: what {@link AllocationReader#select} will be asked (null: the last snapshot). */
    SnapshotSource(List<String> selectors, AllocationReader.View view) {
        this.selectors = selectors;
        this.view = view;
    }

    static final class Part {
        final Map<Integer, SnapshotInfo> headers = new HashMap<>();
        final Map<Integer, List<Trace>> traces = new HashMap<>();
        /** Per snapshot id, whether its traces are kept, until the next header may change that. */
        final Map<Integer, Boolean> kept = new HashMap<>();
    }

    @Override
    public Part chunk(Handlers on) {
        Part part = new Part();
        on.on(OurEvents.ALLOCATION_SNAPSHOT, (e, symbols) -> {
            part.headers.putIfAbsent(e.snapshotId, AllocationReader.info(e));
            part.kept.clear();
        });
        if (!selectors.isEmpty()) {
            on.on(OurEvents.ALLOCATION_TRACE, (e, symbols) -> {
                long size = view == AllocationReader.View.LIVE ? e.size : e.allocatedSize;
                long count = view == AllocationReader.View.LIVE ? e.count : e.allocatedCount;
                if (count > 0 && part.kept.computeIfAbsent(e.snapshotId, id -> mayBeSelected(id, part.headers))) {
                    part.traces.computeIfAbsent(e.snapshotId, k -> new ArrayList<>()).add(new Trace(e.domain, size, count,
                            AllocationReader.traceback(e.frames, e.totalNframe)));
                }
            });
            on.atEnd(() -> part.traces.keySet().removeIf(id -> !mayBeSelected(id, part.headers)));
        }
        return part;
    }

    @Override
    public void add(Part part) {
        part.headers.forEach(headers::putIfAbsent);
        part.traces.forEach((id, list) -> traces.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
        traces.keySet().removeIf(id -> !mayBeSelected(id, headers));
    }

    /** Every snapshot header read, in id order. */
    List<SnapshotInfo> infos() {
        List<SnapshotInfo> out = new ArrayList<>(headers.values());
        out.sort(Comparator.comparingInt(SnapshotInfo::id));
        return out;
    }

    /** The traces kept for a snapshot (all of them, if a selector named it). */
    List<Trace> traces(int id) {
        return traces.getOrDefault(id, List.of());
    }

    /** Whether, from the headers known so far, some selector may still pick snapshot {@code id}. */
    private boolean mayBeSelected(int id, Map<Integer, SnapshotInfo> known) {
        for (String s : selectors) {
            if (s == null || s.isEmpty()) {
                if (known.keySet().stream().allMatch(other -> other <= id)) {
                    return true; // the last so far, or one whose header is still to come
                }
            } else if (Integer.toString(id).equals(s)) {
                return true;
            } else if (!known.containsKey(id)) {
                return true; // its label is still unknown
            } else if (s.equals(known.get(id).label())
                    && known.values().stream().noneMatch(o -> Integer.toString(o.id()).equals(s)
                            || o.id() > id && s.equals(o.label()))) {
                return true; // the last with the label so far, and no snapshot has the selector as its id
            }
        }
        return false;
    }
}
