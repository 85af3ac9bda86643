package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The executable lines of one instrumented class, written once per class (docs/events.md, schema 2.3). */
@Name(LineTableEvent.NAME)
@Label("Line Table")
@Description("The executable lines of one class, from its methods' line-number tables")
@Category("jfr-trace")
@StackTrace(false)
public final class LineTableEvent extends Event {
    public static final String NAME = "jfrtrace.LineTable";
    public static final String FILE = "file";
    public static final String CLASS_NAME = "className";
    public static final String LINES = "lines";
    public static final String FLUSH = "flush";

    @Label("File")
    public String file;
    @Label("Class Name")
    public String className;
    /** Ascending line numbers ({@link LineLists#lines}). */
    @Label("Lines")
    public String lines;
    @Label("Flush")
    public long flush;
}
