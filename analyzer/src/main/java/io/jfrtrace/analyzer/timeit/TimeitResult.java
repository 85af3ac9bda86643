package io.jfrtrace.analyzer.timeit;

import java.util.List;

/**
 * One {@code timeit} run: the autorange trials (none when {@code -n} was given), the loop count and {@code -r}, and
 * the raw totals of the repeats in seconds (not per loop).
 */
public record TimeitResult(List<Trial> trials, long number, int repeat, List<Double> rawTimes) {
    /** One autorange trial: {@code number} loops took {@code timeTaken} seconds. */
    public record Trial(long number, double timeTaken) {
    }

    public TimeitResult {
        trials = List.copyOf(trials);
        rawTimes = List.copyOf(rawTimes);
    }
}
