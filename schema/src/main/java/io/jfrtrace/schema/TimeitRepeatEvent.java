package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One timed call of {@code jfr-trace timeit}'s statement: an autorange trial or a repeat. Its start and duration are
 * the call's, so that the JVM's GC pauses, compilations and deoptimisations of the same recording can be matched to
 * it (docs/events.md, schema 2.5).
 */
@Name(TimeitRepeatEvent.NAME)
@Label("Timeit Repeat")
@Description("One timed call of a timeit statement (an autorange trial or a repeat); start and duration are the call's")
@Category("jfr-trace")
@StackTrace(false)
public final class TimeitRepeatEvent extends Event {
    public static final String NAME = "jfrtrace.TimeitRepeat";
    public static final String PHASE = "phase";
    public static final String INDEX = "index";
    public static final String NUMBER = "number";
    public static final String SECONDS = "seconds";
    /** {@link #phase} of an autorange trial (the warm-up that chooses the loop count). */
    public static final String AUTORANGE = "autorange";
    /** {@link #phase} of a repeat, whose time is one of the raw times. */
    public static final String REPEAT = "repeat";

    @Label("Phase")
    public String phase;
    /** From 1 within its phase. */
    @Label("Index")
    public int index;
    @Label("Loops")
    public long number;
    /** What the timer measured (wall or thread CPU time), in seconds. */
    @Label("Seconds")
    public double seconds;
}
