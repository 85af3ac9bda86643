package io.jfrtrace.recorder.jfr;

/**
 * How every kind of totals (call profile, line counts) writes its checkpoints (docs/events.md): numbered 1, 2, … per
 * run, its entries committed first, then the header that says how many there are, so that a header read means all
 * its entries were written (a recording cut short may hold entries without their header).
 */
abstract class CheckpointWriter {
    private long checkpoints;

    /** Writes the next checkpoint: the totals of the flushes up to and including {@code flush}. */
    final void checkpoint(String runId, long flush) {
        long id = ++checkpoints;
        writeEntries(id);
        writeHeader(runId, id, flush);
    }

    /** Commits the entries of checkpoint {@code id}. */
    abstract void writeEntries(long id);

    /** Commits the header of checkpoint {@code id}, after its entries. */
    abstract void writeHeader(String runId, long id, long flush);
}
