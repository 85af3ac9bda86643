package io.jfrtrace.analyzer.pstats;

import java.util.Objects;

/**
 * How the numbers of a sampled profile were made, for its header: {@code ncalls} counts samples, not calls, and the time
 * columns hold what the samples stand for. The header then reads {@code 12043 samples (jdk.ExecutionSample, 20 ms)
 * in 240.860 seconds} instead of pstats' {@code N function calls in T seconds}: estimates never pass for exact calls.
 *
 * @param samples     how many samples (a function's ncalls counts those it is in, so their sum is more)
 * @param description what was sampled and how ({@code jdk.ExecutionSample, 20 ms})
 * @param unit        what the time columns count ({@code seconds}, {@code MB})
 */
public record Sampling(long samples, String description, String unit) {
    public Sampling {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
    }

    /** Two profiles merged ({@code Stats.add}): their samples together. */
    Sampling plus(Sampling other) {
        String how = description.equals(other.description) ? description : description + "; " + other.description;
        String what = unit.equals(other.unit) ? unit : unit + "/" + other.unit;
        return new Sampling(samples + other.samples, how, what);
    }
}
