package io.jfrtrace.schema;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** What wrote a chunk: at the beginning and end of every chunk (docs/events.md). */
@Name(RecordingInfoEvent.NAME)
@Label("jfr-trace Recording Info")
@Description("What wrote this chunk: schema version, agent version and options")
@Category("jfr-trace")
@StackTrace(false)
@Period("everyChunk")
public final class RecordingInfoEvent extends Event {
    public static final String NAME = "jfrtrace.RecordingInfo";
    /** {@link Schema#MAJOR}; an int in every version, so that any reader can compare it. */
    public static final String SCHEMA_VERSION = "schemaVersion";
    /** {@link Schema#MINOR}; absent before 2.1 (read as 0). */
    public static final String SCHEMA_MINOR_VERSION = "schemaMinorVersion";
    public static final String AGENT_VERSION = "agentVersion";
    public static final String OPTIONS = "options";
    public static final String TIMER = "timer";
    public static final String TIME_UNIT = "timeUnit";
    /** Added in 2.2 (null before). */
    public static final String RUN_ID = "runId";
    /** Added in 2.6 (absent before: wall); a {@link TimerMode} word. */
    public static final String TIMER_MODE = "timerMode";
    /** Since 2.7 (--calibrate): the profiler's cost per call taken out of the caller's time, in ns; 0 without. */
    public static final String CALIBRATION_CALLER_BIAS = "calibrationCallerBias";
    /** Since 2.7 (--calibrate): the profiler's cost per call taken out of the called function's time, in ns. */
    public static final String CALIBRATION_CALLEE_BIAS = "calibrationCalleeBias";

    @Label("Schema Version")
    public int schemaVersion;
    @Label("Agent Version")
    public String agentVersion;
    @Label("Options")
    public String options;
    @Label("Timer")
    public String timer;
    @Label("Time Unit")
    @Timespan(Timespan.NANOSECONDS)
    public long timeUnit;
    /** Added in 2.1; after the fields of 2.0, as every added field goes after the older ones (docs/events.md). */
    @Label("Schema Minor Version")
    public int schemaMinorVersion;
    /** The same for every chunk of one run of the program (recordings of several runs concatenate) (2.2). */
    @Label("Run Id")
    public String runId;
    /** What the times measure: {@code wall}, {@code cpu} or {@code count} ({@link TimerMode}) (2.6). */
    @Label("Timer Mode")
    public String timerMode;

    @Label("Calibration Caller Bias")
    @Description("The profiler's own cost per call (ns) that --calibrate took out of the caller's time; 0: none")
    public double calibrationCallerBias;

    @Label("Calibration Callee Bias")
    @Description("The profiler's own cost per call (ns) that --calibrate took out of the called function's time")
    public double calibrationCalleeBias;
}
