package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * Sums the call-profile deltas of one recording ({@code jfrtrace.FunctionStats} and
 * {@code jfrtrace.CallerStats}, schema in docs/events.md) into cProfile's raw tables.
 */
public final class ProfileReader implements Source<ProfileReader.Part> {
    private final ProfileTable table = new ProfileTable();
    private long events;

    private ProfileReader() {
    }

    /** The recording's call profile; fails with a one-line message if it holds none. */
    public static ProfileTable read(Path file) throws IOException {
        ProfileReader source = new ProfileReader();
        Recording.open(file).read(List.of(source));
        if (source.events == 0) {
            throw new NoEventsException(file, "no jfr-trace call-profile events (jfrtrace.FunctionStats)");
        }
        return source.table;
    }

    /** One chunk's deltas, summed per key, then as a table in the order the keys first appear. */
    static final class Part {
        private final TimeOrder<FunctionKey, long[]> functions = new TimeOrder<>();
        private final TimeOrder<ProfileTable.Edge, long[]> calls = new TimeOrder<>();
        private final ProfileTable table = new ProfileTable();
        private long events;

        private void end() {
            for (Map.Entry<FunctionKey, long[]> e : functions.inOrder()) {
                long[] c = e.getValue();
                table.addFunction(e.getKey(), c[0], c[1], c[2], c[3]);
            }
            for (Map.Entry<ProfileTable.Edge, long[]> e : calls.inOrder()) {
                long[] c = e.getValue();
                table.addCall(e.getKey().caller(), e.getKey().callee(), c[0], c[1], c[2], c[3]);
            }
        }
    }

    @Override
    public Part chunk(Handlers on) {
        Part part = new Part();
        on.on(OurEvents.FUNCTION_STATS, (e, symbols) -> {
            add(part.functions.at(new FunctionKey(e.file, e.line, e.function), e.time, () -> new long[4]),
                    e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
            part.events++;
        });
        on.on(OurEvents.CALLER_STATS, (e, symbols) -> {
            ProfileTable.Edge edge = new ProfileTable.Edge(new FunctionKey(e.callerFile, e.callerLine, e.callerFunction),
                    new FunctionKey(e.file, e.line, e.function));
            add(part.calls.at(edge, e.time, () -> new long[4]), e.callCount, e.recursiveCallCount, e.inlineTime, e.totalTime);
            part.events++;
        });
        on.atEnd(part::end);
        return part;
    }

    private static void add(long[] sums, long calls, long recursive, long inline, long total) {
        sums[0] += calls;
        sums[1] += recursive;
        sums[2] += inline;
        sums[3] += total;
    }

    @Override
    public void add(Part part) {
        table.addAll(part.table);
        events += part.events;
    }
}
