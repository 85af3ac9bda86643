package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;

/**
 * JDK 25's method timing ({@code jdk.MethodTiming}, for the methods named by {@code -XX:StartFlightRecording:method-timing=}
 * or {@code jfr configure}): each timed method's exact invocation count and average time, as a pstats table with those
 * counts and cumtime = invocations x average; tottime is not measured (0). The JVM writes a method's counts since it was
 * timed, so the event with the most invocations per method is its total.
 */
public final class MethodTimings implements Source<Map<FunctionKey, long[]>> {
    private final Map<FunctionKey, long[]> timings = new LinkedHashMap<>();

    private MethodTimings() {
    }

    /** The timed methods' table; empty when the recording holds no {@code jdk.MethodTiming}. */
    public static ProfileTable read(Path file, ReadProgress progress) throws IOException {
        MethodTimings source = new MethodTimings();
        Recording.open(file).progress(progress).read(List.of(source));
        ProfileTable table = new ProfileTable();
        source.timings.forEach((f, t) -> table.addFunction(f, t[0], 0, 0, t[1]));
        return table;
    }

    @Override
    public Map<FunctionKey, long[]> chunk(Handlers on) {
        Map<FunctionKey, long[]> part = new LinkedHashMap<>();
        on.on(BulkType.METHOD_TIMING, (e, symbols) -> {
            long invocations = e.number("invocations", 0);
            long average = e.number("average", Long.MIN_VALUE);
            FunctionKey f = symbols.method(e.number("method", -1)).functionKey(0);
            long total = average == Long.MIN_VALUE ? 0 : invocations * symbols.nanos(average);
            keepLargest(part, f, invocations, total);
        });
        return part;
    }

    @Override
    public void add(Map<FunctionKey, long[]> part) {
        part.forEach((f, t) -> keepLargest(timings, f, t[0], t[1]));
    }

    private static void keepLargest(Map<FunctionKey, long[]> into, FunctionKey f, long invocations, long total) {
        long[] known = into.get(f);
        if (known == null || invocations > known[0]) {
            into.put(f, new long[] {invocations, total});
        }
    }
}
