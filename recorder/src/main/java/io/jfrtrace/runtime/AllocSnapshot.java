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
    public String[] frames;
    public long[] allocatedSize;
    public long[] allocatedCount;

    /** Receives snapshots (implemented by the recorder, which commits the events). */
    public interface Sink {
        void emit(AllocSnapshot s);
    }
}
