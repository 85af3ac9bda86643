package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Schema 2.4: one class's executable lines and its line counts since the run began, all threads combined, in a
 * checkpoint of the line counts (docs/events.md).
 */
@Name(LineTotalsEvent.NAME)
@Label("Line Totals")
@Description("The executable lines of one class and their counts since the run began, in a checkpoint")
@Category("jfr-trace")
@StackTrace(false)
public final class LineTotalsEvent extends Event {
    public static final String NAME = "jfrtrace.LineTotals";
    public static final String CHECKPOINT = "checkpoint";
    public static final String FILE = "file";
    public static final String CLASS_NAME = "className";
    public static final String LINES = "lines";
    public static final String COUNTS = "counts";

    @Label("Checkpoint")
    public long checkpoint;
    @Label("File")
    public String file;
    @Label("Class Name")
    public String className;
    /** Ascending line numbers ({@link LineLists#lines}). */
    @Label("Lines")
    public String lines;
    /** {@code line:count} pairs since the run began ({@link LineLists#counts}). */
    @Label("Counts")
    public String counts;
}
