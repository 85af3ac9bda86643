package io.jfrtrace.analyzer.jfr;

import java.util.function.Consumer;

import one.jfr.event.Event;

/**
 * A kind of totals that the recorder writes as deltas at each flush and whole, as a checkpoint, at each chunk end
 * (docs/events.md): the call profile (schema 2.2), the line counts (2.4) and the call tree (2.6). The deltas' type, whose {@code flush}
 * field places a delta before or after a checkpoint, and the checkpoints' header type.
 */
record CheckpointKind<H extends Event>(BulkType<?> deltas, BulkType<H> header, HeaderFields<H> fields) {
    static final CheckpointKind<OurEvents.ProfileCheckpoint> PROFILE = new CheckpointKind<>(OurEvents.FUNCTION_STATS,
            OurEvents.PROFILE_CHECKPOINT,
            e -> new Header(e.runId, e.checkpoint, e.flush, (long) e.functionCount + e.callerCount, e.time));
    static final CheckpointKind<OurEvents.LineCheckpoint> LINES = new CheckpointKind<>(OurEvents.LINE_COUNTS,
            OurEvents.LINE_CHECKPOINT, e -> new Header(e.runId, e.checkpoint, e.flush, e.classCount, e.time));
    static final CheckpointKind<OurEvents.CallTreeCheckpoint> CALL_TREE = new CheckpointKind<>(OurEvents.CALL_TREE_COUNTS,
            OurEvents.CALL_TREE_CHECKPOINT, e -> new Header(e.runId, e.checkpoint, e.flush, e.nodeCount, e.time));

    /** What a header says: its run, its id, the last flush it includes, its number of entries, when it was written. */
    record Header(String runId, long id, long flush, long entries, long time) {
    }

    /** Reads a header event of this kind. */
    interface HeaderFields<H> {
        Header of(H header);
    }

    /** Whether the chunk was written by a schema that has checkpoints of this kind (a flush number on each delta). */
    boolean declaredIn(Handlers on) {
        return on.declares(header.name()) || on.declares(deltas.name(), "flush")
                || on.declares(OurEvents.RECORDING_INFO.name(), "runId");
    }

    /** Hands the chunk's headers of this kind to {@code to}. */
    void onHeaders(Handlers on, Consumer<Header> to) {
        on.on(header, (e, symbols) -> to.accept(fields.of(e)));
    }
}
