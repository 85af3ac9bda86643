package io.jfrtrace.analyzer.trace;

import java.util.Collections;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * trace's {@code calledfuncs} and {@code callers}: the functions that ran and the (caller, callee) pairs, sorted as
 * {@code write_results} sorts them. Built from a call profile: trace sees only Python functions, so a built-in entry
 * ({@code --builtins}' {@code ("~", 0, label)}) is left out, with the pairs it takes part in.
 */
public final class TracedCalls {
    /** A {@code (caller, callee)} pair. */
    public record Call(TracedFunction caller, TracedFunction callee) implements Comparable<Call> {
        private static final Comparator<Call> ORDER = Comparator.comparing(Call::caller).thenComparing(Call::callee);

        @Override
        public int compareTo(Call o) {
            return ORDER.compare(this, o);
        }
    }

    private final SortedSet<TracedFunction> functions = new TreeSet<>();
    private final SortedSet<Call> calls = new TreeSet<>();

    /** The functions and pairs of {@code profile} (several profiles add up, as {@code --file} merges runs). */
    public TracedCalls add(ProfileTable profile) {
        for (FunctionKey f : profile.functions().keySet()) {
            if (!isBuiltin(f)) {
                functions.add(TracedFunction.of(f));
            }
        }
        for (ProfileTable.Edge e : profile.calls().keySet()) {
            if (!isBuiltin(e.caller()) && !isBuiltin(e.callee())) {
                calls.add(new Call(TracedFunction.of(e.caller()), TracedFunction.of(e.callee())));
            }
        }
        return this;
    }

    private static boolean isBuiltin(FunctionKey f) {
        return f.line() == 0 && f.file().equals("~");
    }

    public SortedSet<TracedFunction> functions() {
        return Collections.unmodifiableSortedSet(functions);
    }

    public SortedSet<Call> calls() {
        return Collections.unmodifiableSortedSet(calls);
    }
}
