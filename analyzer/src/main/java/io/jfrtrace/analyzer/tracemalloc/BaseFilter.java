package io.jfrtrace.analyzer.tracemalloc;

/** Python's {@code tracemalloc.BaseFilter}: see {@link Snapshot#filterTraces} for how filters combine. */
public interface BaseFilter {
    boolean inclusive();

    /** Python's {@code _match(trace)}: for an inclusive filter, "keep"; for an exclusive one, "not excluded". */
    boolean match(Trace trace);
}
