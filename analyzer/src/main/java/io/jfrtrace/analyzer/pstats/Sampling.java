package io.jfrtrace.analyzer.pstats;

import java.util.Objects;

/**
 * How the numbers of a profile that is not cProfile's own were made, for its header: a sampled profile's
 * {@code ncalls} counts samples, not calls, and its time columns hold what the samples stand for, so the header reads
 * {@code 12043 samples (jdk.ExecutionSample, 20 ms) in 240.860 seconds} instead of pstats'
 * {@code N function calls in T seconds}: estimates never pass for exact calls. A profile of exact counts with
 * estimated times (JDK 25's method timing) says {@code 1488484 calls (jdk.MethodTiming: ...)}, with no total.
 *
 * @param count       how many samples (a function's ncalls counts those it is in, so their sum is more), or calls
 * @param noun        what {@code count} counts: {@code samples}, {@code calls}
 * @param description what was measured and how ({@code jdk.ExecutionSample, 20 ms})
 * @param unit        what the time columns count ({@code seconds}, {@code MB}), printed after their total; null: no
 *                    total (the time columns do not add up)
 */
public record Sampling(long count, String noun, String description, String unit) {
    public Sampling {
        Objects.requireNonNull(noun, "noun");
        Objects.requireNonNull(description, "description");
    }

    /** Samples whose weights add up to the total, in {@code unit}. */
    public static Sampling samples(long count, String description, String unit) {
        return new Sampling(count, "samples", description, Objects.requireNonNull(unit, "unit"));
    }

    /** Exact call counts whose times do not add up to a total. */
    public static Sampling calls(long count, String description) {
        return new Sampling(count, "calls", description, null);
    }

    /** Two profiles merged ({@code Stats.add}): their counts together. */
    Sampling plus(Sampling other) {
        String how = description.equals(other.description) ? description : description + "; " + other.description;
        String what = Objects.equals(unit, other.unit) ? unit : unit == null || other.unit == null ? null : unit + "/" + other.unit;
        return new Sampling(count + other.count, noun.equals(other.noun) ? noun : noun + "/" + other.noun, how, what);
    }
}
