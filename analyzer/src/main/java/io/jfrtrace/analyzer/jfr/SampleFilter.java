package io.jfrtrace.analyzer.jfr;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which samples a sampled profile keeps: by thread name and by time, and whether a function is keyed by the sampled
 * line.
 *
 * @param threads thread names to keep (any matches; empty: all threads)
 * @param from    the earliest sample kept (null: from the start)
 * @param to      the latest sample kept (null: to the end)
 * @param lines   key functions by the sampled line instead of the method (line 0)
 */
public record SampleFilter(List<Predicate<String>> threads, TimeBound from, TimeBound to, boolean lines) {
    public static final SampleFilter ALL = new SampleFilter(List.of(), null, null, false);

    public SampleFilter {
        threads = List.copyOf(threads);
    }

    boolean keepsThread(String name) {
        if (threads.isEmpty()) {
            return true;
        }
        for (Predicate<String> t : threads) {
            if (t.test(name == null ? "" : name)) {
                return true;
            }
        }
        return false;
    }
}
