package io.jfrtrace.cli.report;

import java.util.Objects;

import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * Stack samples to export or draw (collapsed stacks, a flame graph): the call paths of a profile.
 *
 * @param samples  the stacks, root first, with their samples and weights
 * @param weighted whether the weights are what to show (bytes allocated, nanoseconds blocked), else the sample counts
 * @param title    what was sampled and how, for a heading ("12043 samples (jdk.ExecutionSample, 20 ms)")
 * @param unit     what a shown value counts ("samples", "bytes", "ns")
 */
public record StacksReport(StackSamples samples, boolean weighted, String title, String unit) {
    public StacksReport {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
    }
}
