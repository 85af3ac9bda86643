package io.jfrtrace.runtime;

/** One allocation snapshot as plain data: what the recorder turns into JFR events. */
public final class AllocSnapshot {
    public int id;
    public String label;
    public String reason;
    public int tracebackLimit;
    public long tracedCurrent;
    public long tracedPeak;
    public boolean exact;
    public long recorderMemory;
    /** Rows, one per traceback with live or allocated data. */
    public int rows;
    public long[] size;
    public long[] count;
    public int[] totalNframe;
    /** Per row: the location ids of its frames, most recent first ({@link #locationFiles}, {@link #locationLines}). */
    public int[][] frames;
    /** A location id's file and line; the recorder encodes the frames (the runtime stays free of the schema). */
    public String[] locationFiles;
    public int[] locationLines;
    public long[] allocatedSize;
    public long[] allocatedCount;

    /** Receives snapshots (implemented by the recorder, which commits the events). */
    public interface Sink {
        void emit(AllocSnapshot s);
    }
}
