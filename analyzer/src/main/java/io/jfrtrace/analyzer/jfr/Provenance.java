package io.jfrtrace.analyzer.jfr;

import java.util.List;

/**
 * Where a model's data came from: jfr-trace's own events, or, for a recording that holds none, the JVM's stock events
 * that stand in for them (which ones, and what that makes of the numbers). Every reader with a fallback follows one
 * rule: jfr-trace's events if the recording holds any, else the stock events, else nothing ({@link NoEventsException}).
 * The command line turns a stock provenance into its one-line notice.
 */
public record Provenance(List<String> stockEvents, String note) {
    /** jfr-trace's own events. */
    public static final Provenance OURS = new Provenance(List.of(), "");

    public boolean ours() {
        return stockEvents.isEmpty();
    }
}
