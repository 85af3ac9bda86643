package io.jfrtrace.analyzer.stacks;

import java.io.IOException;
import java.util.function.Function;

import io.jfrtrace.analyzer.pstats.FunctionKey;

/**
 * Stack samples as collapsed stacks (Brendan Gregg's format, what flame graph tools read): one line per stack, its
 * frames root first joined by {@code ;}, a space, then its weight (or its samples).
 */
public final class CollapsedStacks {
    private CollapsedStacks() {
    }

    /** A frame as flame graphs name it: {@code com/example/Fib.fib} (the file's folder, then the function). */
    public static String label(FunctionKey f) {
        int slash = f.file().lastIndexOf('/');
        return slash < 0 ? f.name() : f.file().substring(0, slash + 1) + f.name();
    }

    /** Writes every stack with its weight ({@code weights}) or its number of samples. */
    public static void write(StackSamples samples, boolean weights, Appendable out) throws IOException {
        write(samples, weights, CollapsedStacks::label, out);
    }

    public static void write(StackSamples samples, boolean weights, Function<FunctionKey, String> label, Appendable out)
            throws IOException {
        IOException[] failed = {null};
        StringBuilder line = new StringBuilder();
        samples.forEach((stack, count, weight) -> {
            if (failed[0] != null) {
                return;
            }
            line.setLength(0);
            for (FunctionKey f : stack) {
                if (line.length() > 0) {
                    line.append(';');
                }
                line.append(label.apply(f).replace(';', ':'));
            }
            line.append(' ').append(weights ? weight : count).append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }
}
