package analysis;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.jfrtrace.analyzer.jfr.SampledStacks;
import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * The sampled aggregation the analysis benchmark sets beside async-profiler's converter: a stock recording's execution
 * samples (the converter's default mode) or allocation samples ({@code --alloc}) by stack, written as collapsed stacks
 * with their sample counts (the converter's {@code -o collapsed}). Usage: {@code analysis.StacksBench [--alloc] IN OUT}.
 */
public final class StacksBench {
    private StacksBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean alloc = args[0].equals("--alloc");
        Path in = Path.of(args[alloc ? 1 : 0]);
        Path out = Path.of(args[alloc ? 2 : 1]);
        StackSamples samples = alloc ? SampledStacks.allocations(in) : SampledStacks.executionSamples(in);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            CollapsedStacks.write(samples, false, w);
        }
    }
}
