package io.jfrtrace.analyzer.tracemalloc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's {@code tracemalloc.Snapshot(traces, traceback_limit)}: the live traces and their statistics. */
public final class Snapshot {
    private final List<Trace> traces;
    private final int tracebackLimit;

    public Snapshot(List<Trace> traces, int tracebackLimit) {
        this.traces = List.copyOf(traces);
        this.tracebackLimit = tracebackLimit;
    }

    public List<Trace> traces() {
        return traces;
    }

    public int tracebackLimit() {
        return tracebackLimit;
    }

    /**
     * A new snapshot with the traces the filters keep: a trace is kept iff (there is no inclusive filter, or at
     * least one inclusive filter matches) and every exclusive filter matches. An empty list copies.
     */
    public Snapshot filterTraces(List<? extends BaseFilter> filters) {
        List<BaseFilter> include = new ArrayList<>();
        List<BaseFilter> exclude = new ArrayList<>();
        for (BaseFilter f : filters) (f.inclusive() ? include : exclude).add(Objects.requireNonNull(f));
        List<Trace> kept = new ArrayList<>();
        for (Trace t : traces) {
            if (!include.isEmpty() && include.stream().noneMatch(f -> f.match(t))) continue;
            if (exclude.stream().anyMatch(f -> !f.match(t))) continue;
            kept.add(t);
        }
        return new Snapshot(kept, tracebackLimit);
    }

    /** Statistics grouped by {@code keyType}, sorted as Python does (descending size, count, traceback). */
    public List<Statistic> statistics(KeyType keyType, boolean cumulative) {
        List<Statistic> stats = new ArrayList<>(groupBy(keyType, cumulative).values());
        stats.sort(Statistic.KEY_ORDER.reversed());
        return stats;
    }

    public List<Statistic> statistics(KeyType keyType) {
        return statistics(keyType, false);
    }

    /** Differences with an older snapshot, sorted as Python does (descending |size_diff|, size, |count_diff|, count, traceback). */
    public List<StatisticDiff> compareTo(Snapshot old, KeyType keyType, boolean cumulative) {
        Map<Traceback, Statistic> newGroup = groupBy(keyType, cumulative);
        Map<Traceback, Statistic> oldGroup = old.groupBy(keyType, cumulative);
        List<StatisticDiff> diffs = new ArrayList<>();
        for (Statistic s : newGroup.values()) {
            Statistic prev = oldGroup.remove(s.traceback());
            if (prev != null) {
                diffs.add(new StatisticDiff(s.traceback(), s.size(), s.size() - prev.size(),
                        s.count(), s.count() - prev.count()));
            } else {
                diffs.add(new StatisticDiff(s.traceback(), s.size(), s.size(), s.count(), s.count()));
            }
        }
        for (Statistic s : oldGroup.values()) {
            diffs.add(new StatisticDiff(s.traceback(), 0, -s.size(), 0, -s.count()));
        }
        diffs.sort(StatisticDiff.KEY_ORDER.reversed());
        return diffs;
    }

    public List<StatisticDiff> compareTo(Snapshot old, KeyType keyType) {
        return compareTo(old, keyType, false);
    }

    private Map<Traceback, Statistic> groupBy(KeyType keyType, boolean cumulative) {
        Objects.requireNonNull(keyType, "keyType");
        if (cumulative && keyType == KeyType.TRACEBACK) {
            throw new IllegalArgumentException("cumulative mode cannot be used with key type 'traceback'");
        }
        Map<Traceback, long[]> acc = new LinkedHashMap<>();
        for (Trace t : traces) {
            if (!cumulative) {
                add(acc, key(keyType, t.traceback()), t);
            } else {
                for (Frame f : t.traceback().frames()) {
                    Frame k = keyType == KeyType.LINENO ? f : new Frame(f.filename(), 0);
                    add(acc, new Traceback(List.of(k)), t);
                }
            }
        }
        Map<Traceback, Statistic> out = new LinkedHashMap<>();
        acc.forEach((tb, sc) -> out.put(tb, new Statistic(tb, sc[0], sc[1])));
        return out;
    }

    private static Traceback key(KeyType keyType, Traceback tb) {
        switch (keyType) {
            case TRACEBACK:
                return new Traceback(tb.frames());
            case LINENO:
                return new Traceback(List.of(tb.mostRecent()));
            default:
                return new Traceback(List.of(new Frame(tb.mostRecent().filename(), 0)));
        }
    }

    private static void add(Map<Traceback, long[]> acc, Traceback key, Trace t) {
        long[] sc = acc.computeIfAbsent(key, k -> new long[2]);
        sc[0] += t.size();
        sc[1] += t.count();
    }
}
