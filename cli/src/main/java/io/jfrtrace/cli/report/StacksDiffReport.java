package io.jfrtrace.cli.report;

import java.util.Objects;

import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * Two profiles' call paths to draw against each other (a differential flame graph): the new profile's paths, each
 * frame marked by how its share of the whole changed since the old one.
 *
 * @param old      the old side's stacks, root first, with their samples and weights
 * @param current  the new side's
 * @param weighted whether the weights are what to show (bytes, nanoseconds), else the sample counts
 * @param title    what the two sides are, for a heading
 * @param unit     what a shown value counts ("samples", "bytes", "ns")
 */
public record StacksDiffReport(StackSamples old, StackSamples current, boolean weighted, String title, String unit) {
    public StacksDiffReport {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
    }
}
