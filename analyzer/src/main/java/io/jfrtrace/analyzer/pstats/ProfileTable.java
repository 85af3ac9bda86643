package io.jfrtrace.analyzer.pstats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * cProfile's raw integer tables (nanoseconds), as a reader fills them from a recording: one entry per function and
 * one sub-entry per (caller, callee) pair. Repeated adds for the same key are summed (recordings hold deltas);
 * keys keep first-seen order.
 */
public final class ProfileTable {

    /** Raw counters of an entry or sub-entry ({@code callcount, reccallcount, inlinetime, totaltime}). */
    public record Counters(long callCount, long recursiveCallCount, long inlineNanos, long totalNanos) {
        Counters plus(Counters o) {
            return new Counters(callCount + o.callCount, recursiveCallCount + o.recursiveCallCount,
                    inlineNanos + o.inlineNanos, totalNanos + o.totalNanos);
        }
    }

    /** A (caller, callee) pair. */
    public record Edge(FunctionKey caller, FunctionKey callee) {
        // by hand, as FunctionKey's: the generated ones cost start-up time at their first call
        @Override
        public boolean equals(Object o) {
            return o instanceof Edge e && Objects.equals(caller, e.caller) && Objects.equals(callee, e.callee);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(caller) * 31 + Objects.hashCode(callee);
        }
    }

    private final Map<FunctionKey, Counters> functions = new LinkedHashMap<>();
    private final Map<Edge, Counters> calls = new LinkedHashMap<>();

    public ProfileTable addFunction(FunctionKey f, long callCount, long recursiveCallCount, long inlineNanos, long totalNanos) {
        functions.merge(f, new Counters(callCount, recursiveCallCount, inlineNanos, totalNanos), Counters::plus);
        return this;
    }

    public ProfileTable addCall(FunctionKey caller, FunctionKey callee, long callCount, long recursiveCallCount,
                                long inlineNanos, long totalNanos) {
        calls.merge(new Edge(caller, callee), new Counters(callCount, recursiveCallCount, inlineNanos, totalNanos),
                Counters::plus);
        return this;
    }

    /** Adds every entry and sub-entry of {@code other}, in its order (keys new here go last, as if read after ours). */
    public ProfileTable addAll(ProfileTable other) {
        other.functions.forEach((f, c) -> functions.merge(f, c, Counters::plus));
        other.calls.forEach((e, c) -> calls.merge(e, c, Counters::plus));
        return this;
    }

    public Map<FunctionKey, Counters> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public Map<Edge, Counters> calls() {
        return Collections.unmodifiableMap(calls);
    }
}
