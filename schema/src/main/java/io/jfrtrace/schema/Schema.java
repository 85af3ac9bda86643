package io.jfrtrace.schema;

/**
 * The event schema's version, {@code MAJOR.MINOR} (docs/events.md). A minor version only adds events or fields; a
 * reader refuses a recording of a higher major version, whose events it could misread. The recorder writes both
 * numbers in every chunk ({@link RecordingInfoEvent}).
 */
public final class Schema {
    /** Changes when an event or field is renamed, re-typed or changes meaning. */
    public static final int MAJOR = 2;
    /**
     * Changes when events or fields are added. 1: {@code jfrtrace.RecordingInfo.schemaMinorVersion}. 2: checkpoints
     * of the call profile (FunctionTotals, CallerTotals, ProfileCheckpoint; {@code flush}, {@code runId}). 3: line counts
     * (LineTable, LineCounts). 4: checkpoints of the line counts (LineTotals,
     * LineCheckpoint). 5: timeit's repeats (TimeitRepeat). 6: {@code jfrtrace.RecordingInfo.timerMode} ({@code --timer}).
     * 7: the calibration's biases in RecordingInfo ({@code --calibrate}). 8: the call tree (CallTreeNode, CallTreeCounts,
     * CallTreeTotals, CallTreeCheckpoint).
     */
    public static final int MINOR = 8;
    public static final String SCHEMA_VERSION = MAJOR + "." + MINOR;

    private Schema() {
    }
}
