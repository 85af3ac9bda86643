package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * Sums the call-profile deltas of one recording ({@code jfrtrace.FunctionStats} and
 * {@code jfrtrace.CallerStats}, schema in docs/events.md) into cProfile's raw tables.
 */
public final class ProfileReader {
    static final String FUNCTION_STATS = "jfrtrace.FunctionStats";
    static final String CALLER_STATS = "jfrtrace.CallerStats";

    private ProfileReader() {
    }

    /** The recording's call profile; fails with a one-line message if it holds none. */
    public static ProfileTable read(Path file) throws IOException {
        ChunkedRecording recording = ChunkedRecording.open(file);
        ProfileTable table = new ProfileTable();
        long[] events = {0};
        recording.forEachChunk(byType -> {
            for (IItemIterable events1 : byType) {
                String type = events1.getType().getIdentifier();
                if (FUNCTION_STATS.equals(type)) {
                    events[0] += readFunctions(events1, table);
                } else if (CALLER_STATS.equals(type)) {
                    events[0] += readCalls(events1, table);
                }
            }
        });
        if (events[0] == 0) {
            throw new NoEventsException(file, "no jfr-trace call-profile events (jfrtrace.FunctionStats); "
                    + "record the program with 'jfr-trace record' to profile its calls");
        }
        return table;
    }

    private static long readFunctions(IItemIterable events, ProfileTable table) {
        EventFields f = new EventFields(events.getType());
        long n = 0;
        for (IItem e : events) {
            table.addFunction(key(f, e, "file", "line", "function"),
                    f.number(e, "callCount"), f.number(e, "recursiveCallCount"),
                    f.number(e, "inlineTime"), f.number(e, "totalTime"));
            n++;
        }
        return n;
    }

    private static long readCalls(IItemIterable events, ProfileTable table) {
        EventFields f = new EventFields(events.getType());
        long n = 0;
        for (IItem e : events) {
            table.addCall(key(f, e, "callerFile", "callerLine", "callerFunction"),
                    key(f, e, "file", "line", "function"),
                    f.number(e, "callCount"), f.number(e, "recursiveCallCount"),
                    f.number(e, "inlineTime"), f.number(e, "totalTime"));
            n++;
        }
        return n;
    }

    private static FunctionKey key(EventFields f, IItem e, String file, String line, String name) {
        return new FunctionKey(f.string(e, file), (int) f.number(e, line), f.string(e, name));
    }
}
