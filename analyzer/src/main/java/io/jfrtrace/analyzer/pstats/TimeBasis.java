package io.jfrtrace.analyzer.pstats;

import java.util.Objects;

/**
 * What the times of a profile of exact calls are, when they are not cProfile's wall time: a line under print_stats'
 * totals line says it, and the totals line stays pstats' own. Thread CPU time
 * ({@code times are thread CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID))}), or times estimated from samples while
 * the calls were counted ({@code times estimated from 421 execution samples (jdk.ExecutionSample, 10 ms)}). A profile
 * of wall time has none (null).
 *
 * @param kind        thread CPU time, or estimated
 * @param samples     for an estimate, how many samples the times come from
 * @param description the clock, or what was sampled and how
 */
public record TimeBasis(Kind kind, long samples, String description) {
    /** What the times measure. */
    public enum Kind {
        /** Each thread's CPU time, measured per call. */
        CPU,
        /** Estimated from samples of the threads' stacks; the calls were counted exactly. */
        ESTIMATED
    }

    public TimeBasis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    public static TimeBasis threadCpuTime(String clock) {
        return new TimeBasis(Kind.CPU, 0, clock);
    }

    public static TimeBasis estimated(long samples, String description) {
        return new TimeBasis(Kind.ESTIMATED, samples, description);
    }

    /** The line under the totals, without its indent and line end. */
    public String line() {
        return kind == Kind.CPU ? "times are thread CPU time (" + description + ")"
                : "times estimated from " + samples + " execution samples (" + description + ")";
    }

    /**
     * Two profiles' bases, added ({@code Stats.add}); null is wall time. Times of different kinds do not add up: an
     * IllegalArgumentException says which.
     */
    static TimeBasis plus(TimeBasis a, TimeBasis b) {
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null || a.kind != b.kind) {
            throw new IllegalArgumentException("profiles whose times measure different things do not add up ("
                    + what(a) + " and " + what(b) + ")");
        }
        String how = a.description.equals(b.description) ? a.description : a.description + "; " + b.description;
        return new TimeBasis(a.kind, a.samples + b.samples, how);
    }

    private static String what(TimeBasis b) {
        return b == null ? "wall time" : b.kind == Kind.CPU ? "thread CPU time" : "times estimated from samples";
    }
}
