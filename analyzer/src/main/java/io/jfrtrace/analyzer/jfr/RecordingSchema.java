package io.jfrtrace.analyzer.jfr;

import java.nio.file.Path;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.schema.RecordingInfoEvent;
import io.jfrtrace.schema.Schema;

/**
 * Refuses a chunk written by a newer jfr-trace: a higher major schema version ({@code jfrtrace.RecordingInfo}) may
 * have renamed or re-typed what this analyzer reads, so reading on could print wrong numbers. A chunk without the
 * event (one jfr-trace did not write, or a crash's appended dump) and minor versions pass: those only add.
 */
final class RecordingSchema {
    private RecordingSchema() {
    }

    static void check(Path file, Iterable<IItemIterable> eventsByType) throws RecordingException {
        for (IItemIterable events : eventsByType) {
            if (!RecordingInfoEvent.NAME.equals(events.getType().getIdentifier())) {
                continue;
            }
            EventFields f = new EventFields(events.getType());
            for (IItem e : events) {
                check(file, f.number(e, RecordingInfoEvent.SCHEMA_VERSION), f.number(e, RecordingInfoEvent.SCHEMA_MINOR_VERSION));
            }
        }
    }

    /** The rule, whichever parser read the chunk's {@code jfrtrace.RecordingInfo}. */
    static void check(Path file, long major, long minor) throws RecordingException {
        if (major > Schema.MAJOR) {
            throw new RecordingException(file, "written by a newer jfr-trace (event schema " + major + "." + minor
                    + "; this jfr-trace reads " + Schema.MAJOR + ".x and older): read it with that version");
        }
    }
}
