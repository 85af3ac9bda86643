package io.jfrtrace.analyzer.jfr;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Test copies of jfr-trace's call-profile events, schema 2.1 (docs/events.md), field for field as the recorder declares
 * them. One copy per name for all tests of this JVM: JFR would declare two classes of one name as two types.
 */
final class SchemaEvents {
    private SchemaEvents() {
    }

    @Name("jfrtrace.FunctionStats")
    @Label("test copy")
    @StackTrace(false)
    static class FunctionStats extends Event {
        String file;
        int line;
        String function;
        long callCount;
        long recursiveCallCount;
        @Timespan(Timespan.NANOSECONDS)
        long inlineTime;
        @Timespan(Timespan.NANOSECONDS)
        long totalTime;
        long flush;
    }

    @Name("jfrtrace.CallerStats")
    @Label("test copy")
    @StackTrace(false)
    static class CallerStats extends Event {
        String callerFile;
        int callerLine;
        String callerFunction;
        String file;
        int line;
        String function;
        long callCount;
        long recursiveCallCount;
        @Timespan(Timespan.NANOSECONDS)
        long inlineTime;
        @Timespan(Timespan.NANOSECONDS)
        long totalTime;
        long flush;
    }

    @Name("jfrtrace.RecordingInfo")
    @Label("test copy")
    @StackTrace(false)
    static class RecordingInfo extends Event {
        int schemaVersion;
        String agentVersion;
        String options;
        String timer;
        @Timespan(Timespan.NANOSECONDS)
        long timeUnit;
        int schemaMinor;
        String runId;
    }

    @Name("jfrtrace.FunctionTotals")
    @Label("test copy")
    @StackTrace(false)
    static class FunctionTotals extends Event {
        long checkpoint;
        String file;
        int line;
        String function;
        long callCount;
        long recursiveCallCount;
        @Timespan(Timespan.NANOSECONDS)
        long inlineTime;
        @Timespan(Timespan.NANOSECONDS)
        long totalTime;
    }

    @Name("jfrtrace.CallerTotals")
    @Label("test copy")
    @StackTrace(false)
    static class CallerTotals extends Event {
        long checkpoint;
        String callerFile;
        int callerLine;
        String callerFunction;
        String file;
        int line;
        String function;
        long callCount;
        long recursiveCallCount;
        @Timespan(Timespan.NANOSECONDS)
        long inlineTime;
        @Timespan(Timespan.NANOSECONDS)
        long totalTime;
    }

    @Name("jfrtrace.ProfileCheckpoint")
    @Label("test copy")
    @StackTrace(false)
    static class ProfileCheckpoint extends Event {
        String runId;
        long checkpoint;
        long flush;
        int functionCount;
        int callerCount;
    }

    /** Enables every copy in {@code r}. */
    static void enableAll(jdk.jfr.Recording r) {
        for (Class<? extends Event> c : java.util.List.of(FunctionStats.class, CallerStats.class, RecordingInfo.class,
                FunctionTotals.class, CallerTotals.class, ProfileCheckpoint.class)) {
            r.enable(c);
        }
    }
}
