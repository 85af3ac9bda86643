package io.jfrtrace.analyzer.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.jfrtrace.analyzer.tracemalloc.BaseFilter;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.Statistic;
import io.jfrtrace.analyzer.tracemalloc.Trace;

/**
 * Estimated traces, grouped and filtered as a tracemalloc {@link Snapshot}, plus which of them have an unknown size
 * or count. An unknown size is carried as 0 and an unknown count as 1 in {@link #snapshot()}; a statistic is unknown
 * in a number if any trace of its group is.
 */
public final class Estimate {
    private final Snapshot snapshot;
    private final Snapshot unknownSize;
    private final Snapshot unknownCount;

    private Estimate(Snapshot snapshot, Snapshot unknownSize, Snapshot unknownCount) {
        this.snapshot = snapshot;
        this.unknownSize = unknownSize;
        this.unknownCount = unknownCount;
    }

    /** One estimated trace and whether its size and its count are known (unknown ones: size 0, count 1). */
    public record Row(Trace trace, boolean sizeKnown, boolean countKnown) {
    }

    public static Estimate of(List<Row> rows, int tracebackLimit) {
        List<Trace> all = new ArrayList<>();
        List<Trace> noSize = new ArrayList<>();
        List<Trace> noCount = new ArrayList<>();
        for (Row r : rows) {
            all.add(r.trace());
            if (!r.sizeKnown()) {
                noSize.add(r.trace());
            }
            if (!r.countKnown()) {
                noCount.add(r.trace());
            }
        }
        return new Estimate(new Snapshot(all, tracebackLimit), new Snapshot(noSize, tracebackLimit),
                new Snapshot(noCount, tracebackLimit));
    }

    /** The traces with unknown numbers carried as size 0 / count 1. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Whether this trace (of {@link #snapshot()}, or of a filtered estimate's) has a known size. */
    public boolean sizeKnown(Trace t) {
        return !identities(unknownSize).contains(t);
    }

    public boolean countKnown(Trace t) {
        return !identities(unknownCount).contains(t);
    }

    private static Set<Trace> identities(Snapshot part) {
        Set<Trace> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(part.traces());
        return set;
    }

    public boolean hasUnknownSizes() {
        return !unknownSize.traces().isEmpty();
    }

    public boolean hasUnknownCounts() {
        return !unknownCount.traces().isEmpty();
    }

    /** {@link Snapshot#filterTraces} on every part. */
    public Estimate filterTraces(List<? extends BaseFilter> filters) {
        return new Estimate(snapshot.filterTraces(filters), unknownSize.filterTraces(filters),
                unknownCount.filterTraces(filters));
    }

    /** {@link Snapshot#statistics}, each marked with what it knows. */
    public List<EstimatedStatistic> statistics(KeyType keyType, boolean cumulative) {
        Set<Object> noSize = keys(unknownSize, keyType, cumulative);
        Set<Object> noCount = keys(unknownCount, keyType, cumulative);
        List<EstimatedStatistic> out = new ArrayList<>();
        for (Statistic s : snapshot.statistics(keyType, cumulative)) {
            out.add(new EstimatedStatistic(s, !noSize.contains(s.traceback()), !noCount.contains(s.traceback())));
        }
        return out;
    }

    private static Set<Object> keys(Snapshot part, KeyType keyType, boolean cumulative) {
        Set<Object> keys = new HashSet<>();
        for (Statistic s : part.statistics(keyType, cumulative)) {
            keys.add(s.traceback());
        }
        return keys;
    }
}
