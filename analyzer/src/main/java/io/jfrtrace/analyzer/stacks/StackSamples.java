package io.jfrtrace.analyzer.stacks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * Stacks, each with how many samples saw it and their summed weight (nanoseconds of CPU, bytes allocated: what a sample
 * stands for). A stack is its frames, outermost (root) first. Frames are interned, so a stack costs an int per frame.
 * Stacks keep the order in which they were first added.
 */
public final class StackSamples {
    private final List<FunctionKey> frames = new ArrayList<>();
    private final Map<FunctionKey, Integer> frameIds = new HashMap<>();
    private final Map<Stack, long[]> stacks = new LinkedHashMap<>();

    /** A stack as interned frame ids, root first. */
    private record Stack(int[] frames) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Stack s && Arrays.equals(frames, s.frames);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(frames);
        }
    }

    /** One stack seen by {@code samples} samples weighing {@code weight} in all. */
    public StackSamples add(List<FunctionKey> rootFirst, long samples, long weight) {
        int[] ids = new int[rootFirst.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = frameIds.computeIfAbsent(rootFirst.get(i), f -> {
                frames.add(f);
                return frames.size() - 1;
            });
        }
        long[] sums = stacks.computeIfAbsent(new Stack(ids), k -> new long[2]);
        sums[0] += samples;
        sums[1] += weight;
        return this;
    }

    /** Adds every stack of {@code other}, in its order (stacks new here go last). */
    public StackSamples merge(StackSamples other) {
        other.forEach((stack, samples, weight) -> add(stack, samples, weight));
        return this;
    }

    /** The stacks {@code keep} accepts. */
    public StackSamples filter(Predicate<List<FunctionKey>> keep) {
        StackSamples out = new StackSamples();
        forEach((stack, samples, weight) -> {
            if (keep.test(stack)) {
                out.add(stack, samples, weight);
            }
        });
        return out;
    }

    /** What {@link #forEach} hands over: a stack (root first), its samples, its weight. */
    public interface StackVisitor {
        void visit(List<FunctionKey> rootFirst, long samples, long weight);
    }

    /** Every stack, in the order first added. */
    public void forEach(StackVisitor visitor) {
        stacks.forEach((stack, sums) -> visitor.visit(keys(stack), sums[0], sums[1]));
    }

    public int size() {
        return stacks.size();
    }

    public long samples() {
        return stacks.values().stream().mapToLong(s -> s[0]).sum();
    }

    public long weight() {
        return stacks.values().stream().mapToLong(s -> s[1]).sum();
    }

    private List<FunctionKey> keys(Stack stack) {
        List<FunctionKey> out = new ArrayList<>(stack.frames.length);
        for (int id : stack.frames) {
            out.add(frames.get(id));
        }
        return out;
    }
}
