package io.jfrtrace.analyzer.stacks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * Stack samples as a pstats table, the way a sampling profiler fills cProfile's columns: a function's tottime is the
 * weight of the samples it was on top of, its cumtime the weight of the samples it was anywhere in (once per sample,
 * however deep its recursion), its ncalls the number of those samples; a caller→callee edge, from two adjacent frames,
 * counts once per sample likewise, with the callee's own weight where it was on top right above that caller.
 * Weights go into the table's nanosecond columns as they are (a weight of nanoseconds prints as seconds).
 */
public final class SampledProfile {
    private SampledProfile() {
    }

    public static ProfileTable of(StackSamples samples) {
        ProfileTable table = new ProfileTable();
        samples.forEach((stack, count, weight) -> add(table, stack, count, weight));
        return table;
    }

    private static void add(ProfileTable table, List<FunctionKey> rootFirst, long count, long weight) {
        int top = rootFirst.size() - 1;
        Set<FunctionKey> seen = new HashSet<>();
        for (int i = top; i >= 0; i--) {
            FunctionKey f = rootFirst.get(i);
            if (seen.add(f)) { // the top frame comes first: its weight is its own
                table.addFunction(f, count, 0, i == top ? weight : 0, weight);
            }
        }
        Set<ProfileTable.Edge> edges = new HashSet<>();
        for (int i = top; i >= 1; i--) {
            ProfileTable.Edge e = new ProfileTable.Edge(rootFirst.get(i - 1), rootFirst.get(i));
            if (edges.add(e)) {
                table.addCall(e.caller(), e.callee(), count, 0, i == top ? weight : 0, weight);
            }
        }
    }
}
