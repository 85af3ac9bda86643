package io.jfrtrace.cli;

import java.util.Iterator;
import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * What an exact call path weighs in {@code --format collapsed} and {@code html} ({@code --weight}): a picocli mixin, so
 * that {@code stats} and {@code compare} take it alike. Only the call paths of {@code record --call-tree} have a
 * choice; the JVM's samples weigh what they stand for.
 */
final class PathWeight {
    /** Self time in nanoseconds: a frame of the flame graph is then as wide as its total time. */
    static final String TIME = "time";
    /** The exact number of calls. */
    static final String CALLS = "calls";

    @Option(names = "--weight", paramLabel = "WEIGHT", completionCandidates = Words.class, converter = Words.class,
            description = "With --format collapsed or html on a recording made with record --call-tree: what a call "
                    + "path weighs, time (its self time in nanoseconds, the default: a frame is as wide as the time "
                    + "spent in it and its callees) or calls (its exact number of calls).")
    String weight;

    /** Whether {@code --weight} was given. */
    boolean given() {
        return weight != null;
    }

    /** Whether paths weigh their calls (else their self time). */
    boolean calls() {
        return CALLS.equals(weight);
    }

    /** {@code --weight}'s words. */
    static final class Words implements Iterable<String>, ITypeConverter<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(TIME, CALLS).iterator();
        }

        @Override
        public String convert(String value) {
            if (value.equals(TIME) || value.equals(CALLS)) {
                return value;
            }
            throw new IllegalArgumentException("unknown weight '" + value + "' (time, calls)");
        }
    }
}
