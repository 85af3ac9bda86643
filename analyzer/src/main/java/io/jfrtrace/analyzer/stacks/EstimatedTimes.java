package io.jfrtrace.analyzer.stacks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * Exact call counts with times estimated from stack samples ({@code record --timer count}): the counts are the
 * profile's; each sample's weight goes to the profiled functions on its stack ({@link ProfiledFrames}) the way cProfile
 * would have timed them. Frames of no profiled function are left out first, so time in uninstrumented code (the JDK's)
 * counts as its profiled caller's own, as in cProfile without built-ins. Then, per sample: tottime of the innermost
 * profiled function; cumtime of every profiled function on the stack, once however deep its recursion; for a
 * caller-&gt;callee edge (two adjacent profiled frames), cumtime once per sample and tottime where the callee is the
 * innermost. A sample with no profiled frame counts nowhere. An edge the samples show and the counts do not (only
 * where stacks were cut short) gets no time.
 */
public final class EstimatedTimes {
    private EstimatedTimes() {
    }

    /**
     * The estimate.
     *
     * @param table   the exact counts with the estimated times (nanoseconds, as the samples' weights)
     * @param samples how many samples had a profiled frame (the others count nowhere)
     */
    public record Result(ProfileTable table, long samples) {
    }

    public static Result of(ProfileTable counts, StackSamples samples) {
        ProfiledFrames frames = ProfiledFrames.of(counts.functions().keySet());
        Map<FunctionKey, long[]> functionTimes = new HashMap<>();
        Map<ProfileTable.Edge, long[]> edgeTimes = new HashMap<>();
        long[] used = {0};
        samples.forEach((stack, count, weight) -> {
            List<FunctionKey> profiled = frames.profiled(stack);
            if (!profiled.isEmpty()) {
                add(profiled, weight, functionTimes, edgeTimes);
                used[0] += count;
            }
        });
        ProfileTable out = new ProfileTable();
        long[] none = new long[2];
        counts.functions().forEach((f, c) -> {
            long[] t = functionTimes.getOrDefault(f, none);
            out.addFunction(f, c.callCount(), c.recursiveCallCount(), t[0], t[1]);
        });
        counts.calls().forEach((e, c) -> {
            long[] t = edgeTimes.getOrDefault(e, none);
            out.addCall(e.caller(), e.callee(), c.callCount(), c.recursiveCallCount(), t[0], t[1]);
        });
        return new Result(out, used[0]);
    }

    /** One stack's profiled functions (root first) and the weight of its samples: {tottime, cumtime} sums. */
    private static void add(List<FunctionKey> rootFirst, long weight, Map<FunctionKey, long[]> functions,
                            Map<ProfileTable.Edge, long[]> edges) {
        int top = rootFirst.size() - 1;
        functions.computeIfAbsent(rootFirst.get(top), k -> new long[2])[0] += weight;
        Set<FunctionKey> seen = new HashSet<>();
        for (FunctionKey f : rootFirst) {
            if (seen.add(f)) {
                functions.computeIfAbsent(f, k -> new long[2])[1] += weight;
            }
        }
        Set<ProfileTable.Edge> seenEdges = new HashSet<>();
        for (int i = 1; i <= top; i++) {
            ProfileTable.Edge e = new ProfileTable.Edge(rootFirst.get(i - 1), rootFirst.get(i));
            long[] t = edges.computeIfAbsent(e, k -> new long[2]);
            if (i == top) {
                t[0] += weight;
            }
            if (seenEdges.add(e)) {
                t[1] += weight;
            }
        }
    }
}
