package io.jfrtrace.analyzer.jfr;

import java.util.HashMap;
import java.util.Map;

/** How many events of each type id one chunk holds (type ids are the chunk's own, from its metadata). */
final class EventCounts {
    /** The JDK numbers types from 0 up, a few hundred of them: most ids fit the array. */
    private final long[] small = new long[1024];
    private final Map<Long, Long> large = new HashMap<>();

    void add(long type) {
        if (type >= 0 && type < small.length) {
            small[(int) type]++;
        } else {
            large.merge(type, 1L, Long::sum);
        }
    }

    long count(long type) {
        return type >= 0 && type < small.length ? small[(int) type] : large.getOrDefault(type, 0L);
    }
}
