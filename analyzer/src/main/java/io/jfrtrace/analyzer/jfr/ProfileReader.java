package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;

import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.schema.CallerStatsEvent;
import io.jfrtrace.schema.FunctionStatsEvent;

/**
 * Sums the call-profile deltas of one recording ({@code jfrtrace.FunctionStats} and
 * {@code jfrtrace.CallerStats}, schema in docs/events.md) into cProfile's raw tables.
 */
public final class ProfileReader {
    static final String FUNCTION_STATS = FunctionStatsEvent.NAME;
    static final String CALLER_STATS = CallerStatsEvent.NAME;

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
            table.addFunction(key(f, e, FunctionStatsEvent.FILE, FunctionStatsEvent.LINE, FunctionStatsEvent.FUNCTION),
                    f.number(e, FunctionStatsEvent.CALL_COUNT), f.number(e, FunctionStatsEvent.RECURSIVE_CALL_COUNT),
                    f.number(e, FunctionStatsEvent.INLINE_TIME), f.number(e, FunctionStatsEvent.TOTAL_TIME));
            n++;
        }
        return n;
    }

    private static long readCalls(IItemIterable events, ProfileTable table) {
        EventFields f = new EventFields(events.getType());
        long n = 0;
        for (IItem e : events) {
            table.addCall(key(f, e, CallerStatsEvent.CALLER_FILE, CallerStatsEvent.CALLER_LINE, CallerStatsEvent.CALLER_FUNCTION),
                    key(f, e, CallerStatsEvent.FILE, CallerStatsEvent.LINE, CallerStatsEvent.FUNCTION),
                    f.number(e, CallerStatsEvent.CALL_COUNT), f.number(e, CallerStatsEvent.RECURSIVE_CALL_COUNT),
                    f.number(e, CallerStatsEvent.INLINE_TIME), f.number(e, CallerStatsEvent.TOTAL_TIME));
            n++;
        }
        return n;
    }

    private static FunctionKey key(EventFields f, IItem e, String file, String line, String name) {
        return new FunctionKey(f.string(e, file), (int) f.number(e, line), f.string(e, name));
    }
}
