package io.jfrtrace.analyzer.pstats;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One function of a {@link ProfileDiff}: its statistics on the old side and on the new side, either of which is
 * {@code null} when the function is absent there (it appeared, or it vanished). Differences are new minus old, an
 * absent side counting as zero.
 */
public record FunctionDiff(FunctionKey function, FunctionStats before, FunctionStats after) {
    private static final FunctionStats NONE = new FunctionStats(0, 0, 0.0, 0.0, Map.of());

    public FunctionDiff {
        if (before == null && after == null) {
            throw new IllegalArgumentException(function + " is on neither side");
        }
    }

    /** Absent from the old profile. */
    public boolean appeared() {
        return before == null;
    }

    /** Absent from the new profile. */
    public boolean vanished() {
        return after == null;
    }

    /** The old side's statistics, zero when absent. */
    public FunctionStats oldStats() {
        return before == null ? NONE : before;
    }

    /** The new side's statistics, zero when absent. */
    public FunctionStats newStats() {
        return after == null ? NONE : after;
    }

    /** Total calls (pstats' nc), new minus old. */
    public long callsDiff() {
        return newStats().nc() - oldStats().nc();
    }

    /** Primitive calls (pstats' cc), new minus old. */
    public long primitiveCallsDiff() {
        return newStats().cc() - oldStats().cc();
    }

    public double tottimeDiff() {
        return newStats().tt() - oldStats().tt();
    }

    public double cumtimeDiff() {
        return newStats().ct() - oldStats().ct();
    }

    /** The change of tottime in percent of the old value; see {@link #percent}. */
    public OptionalDouble tottimePercent() {
        return percent(oldStats().tt(), tottimeDiff());
    }

    /** The change of cumtime in percent of the old value; see {@link #percent}. */
    public OptionalDouble cumtimePercent() {
        return percent(oldStats().ct(), cumtimeDiff());
    }

    /**
     * {@code diff / old * 100}; empty when the function is absent on one side (it is new or gone: no ratio means
     * anything); from an old value of 0 a change is an infinite percentage (signed) and no change is 0.
     */
    private OptionalDouble percent(double old, double diff) {
        if (appeared() || vanished()) {
            return OptionalDouble.empty();
        }
        if (old == 0.0) {
            return OptionalDouble.of(diff == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, diff));
        }
        return OptionalDouble.of(diff / old * 100.0);
    }
}
