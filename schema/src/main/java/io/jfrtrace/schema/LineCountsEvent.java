package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The executions of one class's lines since the previous flush, all threads combined (docs/events.md, schema 2.3). */
@Name(LineCountsEvent.NAME)
@Label("Line Counts")
@Description("Line execution counts of one class gained since the previous flush, all threads combined")
@Category("jfr-trace")
@StackTrace(false)
public final class LineCountsEvent extends Event {
    public static final String NAME = "jfrtrace.LineCounts";
    public static final String FILE = "file";
    public static final String CLASS_NAME = "className";
    public static final String COUNTS = "counts";
    public static final String FLUSH = "flush";

    @Label("File")
    public String file;
    @Label("Class Name")
    public String className;
    /** {@code line:count} pairs ({@link LineLists#counts}). */
    @Label("Counts")
    public String counts;
    @Label("Flush")
    public long flush;
}
