package io.jfrtrace.recorder.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

@Name("jfrtrace.RecordingInfo")
@Label("jfr-trace Recording Info")
@Description("What wrote this chunk: schema version, agent version and options")
@Category("jfr-trace")
@StackTrace(false)
@Period("everyChunk")
public final class RecordingInfoEvent extends Event {
    @Label("Schema Version")
    int schemaVersion;
    @Label("Agent Version")
    String agentVersion;
    @Label("Options")
    String options;
    @Label("Timer")
    String timer;
    @Label("Time Unit")
    @Timespan(Timespan.NANOSECONDS)
    long timeUnit;
    /** Schema 2.1: the version within schemaVersion (additions a reader of 2.0 ignores). */
    @Label("Schema Minor Version")
    int schemaMinor;
    /** Schema 2.1: the same for every chunk of one run of the program (recordings of several runs concatenate). */
    @Label("Run Id")
    String runId;
}
