package io.jfrtrace.analyzer.jfr;

import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.CallerTotalsEvent;
import io.jfrtrace.schema.FunctionStatsEvent;
import io.jfrtrace.schema.FunctionTotalsEvent;
import io.jfrtrace.schema.ProfileCheckpointEvent;
import io.jfrtrace.schema.RecordingInfoEvent;

/** The schema's own event classes, which tests commit to write real recordings as the agent does. */
final class SchemaEvents {
    private SchemaEvents() {
    }

    /** Enables the call profile's events in {@code r}. */
    static void enableAll(jdk.jfr.Recording r) {
        for (Class<? extends jdk.jfr.Event> c : java.util.List.of(FunctionStatsEvent.class, CallerStatsEvent.class,
                RecordingInfoEvent.class, FunctionTotalsEvent.class, CallerTotalsEvent.class, ProfileCheckpointEvent.class)) {
            r.enable(c);
        }
    }
}
