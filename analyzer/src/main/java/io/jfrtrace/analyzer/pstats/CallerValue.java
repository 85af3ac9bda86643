package io.jfrtrace.analyzer.pstats;

/**
 * One value of a function's callers dict. cProfile stores a tuple {@link CallStats}; the pure-Python {@code profile}
 * module stores only how often that caller called ({@link CallCount}), and pstats prints and adds the two differently.
 */
public sealed interface CallerValue permits CallStats, CallCount {
    /**
     * pstats' {@code add_callers} for one key: tuples add element-wise, counts add; a tuple and a count cannot be
     * added (pstats fails with a TypeError there too).
     */
    CallerValue plus(CallerValue other);
}
