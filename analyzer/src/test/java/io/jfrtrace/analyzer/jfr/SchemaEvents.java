package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.jfrtrace.schema.CallTreeCheckpointEvent;
import io.jfrtrace.schema.CallTreeCountsEvent;
import io.jfrtrace.schema.CallTreeNodeEvent;
import io.jfrtrace.schema.CallTreeTotalsEvent;
import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.CallerTotalsEvent;
import io.jfrtrace.schema.FunctionStatsEvent;
import io.jfrtrace.schema.FunctionTotalsEvent;
import io.jfrtrace.schema.LineCheckpointEvent;
import io.jfrtrace.schema.LineCountsEvent;
import io.jfrtrace.schema.LineTableEvent;
import io.jfrtrace.schema.LineTotalsEvent;
import io.jfrtrace.schema.ProfileCheckpointEvent;
import io.jfrtrace.schema.RecordingInfoEvent;
import io.jfrtrace.schema.Schema;

/** The schema's own event classes, which tests commit to write real recordings as the agent does. */
final class SchemaEvents {
    private SchemaEvents() {
    }

    /** Enables the call profile's, the line counts' and the call tree's events in {@code r}. */
    static void enableAll(jdk.jfr.Recording r) {
        for (Class<? extends jdk.jfr.Event> c : java.util.List.of(FunctionStatsEvent.class, CallerStatsEvent.class,
                RecordingInfoEvent.class, FunctionTotalsEvent.class, CallerTotalsEvent.class, ProfileCheckpointEvent.class,
                LineTableEvent.class, LineCountsEvent.class, LineTotalsEvent.class, LineCheckpointEvent.class,
                CallTreeNodeEvent.class, CallTreeCountsEvent.class, CallTreeTotalsEvent.class,
                CallTreeCheckpointEvent.class)) {
            r.enable(c);
        }
    }

    /** One chunk, as the file {@code f} then holds it: RecordingInfo of {@code run}, then what {@code body} commits. */
    static byte[] chunk(Path f, String run, Runnable body) throws IOException {
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            enableAll(r);
            r.start();
            RecordingInfoEvent info = new RecordingInfoEvent();
            info.schemaVersion = Schema.MAJOR;
            info.schemaMinorVersion = Schema.MINOR;
            info.runId = run;
            info.commit();
            body.run();
            r.stop();
            r.dump(f);
        }
        return Files.readAllBytes(f);
    }

    /** Writes {@code chunks} one after the other to {@code f} (chunks concatenated, as JFR writes them). */
    static Path concatenate(Path f, byte[]... chunks) throws IOException {
        try (OutputStream out = Files.newOutputStream(f)) {
            for (byte[] c : chunks) {
                out.write(c);
            }
        }
        return f;
    }
}
