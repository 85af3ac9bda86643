package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Values summed per key over one chunk's events, and the keys in the order their first event happened: the order
 * JMC gives a chunk's events (by start time; ties in file order), which is what "the order in which keys first
 * appear in the recording" has always meant here (pstats' tie-break order, the order of estimated traces).
 *
 * @param <K> the key
 * @param <V> its sums
 */
final class TimeOrder<K, V> {
    private static final class Entry<V> {
        final V value;
        long firstTime;
        final long seq;

        Entry(V value, long firstTime, long seq) {
            this.value = value;
            this.firstTime = firstTime;
            this.seq = seq;
        }
    }

    private final Map<K, Entry<V>> entries = new HashMap<>();
    private long seq;

    /**
     * The sums of {@code key}, made by {@code empty} for its first event; {@code time}: this event's start time. A new
     * key is kept as {@code kept} makes it (an equal one, shared with other entries).
     */
    V at(K key, long time, Supplier<V> empty, UnaryOperator<K> kept) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            e = new Entry<>(empty.get(), time, seq++);
            entries.put(kept.apply(key), e);
        } else if (time < e.firstTime) {
            e.firstTime = time;
        }
        return e.value;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The keys by their first event's time (ties: the event read first). */
    List<Map.Entry<K, V>> inOrder() {
        List<Map.Entry<K, Entry<V>>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong((Map.Entry<K, Entry<V>> e) -> e.getValue().firstTime)
                .thenComparingLong(e -> e.getValue().seq));
        List<Map.Entry<K, V>> out = new ArrayList<>(all.size());
        for (Map.Entry<K, Entry<V>> e : all) {
            out.add(Map.entry(e.getKey(), e.getValue().value));
        }
        return out;
    }
}
