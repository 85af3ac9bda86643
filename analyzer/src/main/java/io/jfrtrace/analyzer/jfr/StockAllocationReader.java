package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.tracemalloc.Frame;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.Trace;
import io.jfrtrace.analyzer.tracemalloc.Traceback;

/**
 * For recordings we did not make: estimates from JFR's own sampled events.
 * {@code jdk.ObjectAllocationSample} gives allocated bytes by site (its {@code weight} is the bytes
 * the thread allocated since its previous sample); {@code jdk.OldObjectSample} gives sampled live
 * objects (their size when the JDK records one).
 */
public final class StockAllocationReader {
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    /** Frames kept per traceback, most recent ones. */
    static final int TRACEBACK_LIMIT = 16;

    /** What the estimate is made of, for the first line of the report. */
    public record Estimate(Snapshot snapshot, String source) {
    }

    private StockAllocationReader() {
    }

    public static Estimate read(Path file, AllocationReader.View view) throws IOException {
        Map<List<Frame>, long[]> allocated = new LinkedHashMap<>();
        Map<List<Frame>, long[]> live = new LinkedHashMap<>();
        ChunkedRecording.open(file).forEachChunk(byType -> {
            for (IItemIterable events : byType) {
                String type = events.getType().getIdentifier();
                if (ALLOCATION_SAMPLE.equals(type)) {
                    add(events, allocated, "weight");
                } else if (OLD_OBJECT_SAMPLE.equals(type)) {
                    add(events, live, "objectSize");
                }
            }
        });
        if (view == AllocationReader.View.LIVE && !live.isEmpty()) {
            return new Estimate(snapshot(live), "estimates from JFR's jdk.OldObjectSample (sampled live objects)");
        }
        if (!allocated.isEmpty()) {
            return new Estimate(snapshot(allocated),
                    "estimates from JFR's jdk.ObjectAllocationSample (bytes allocated by site, sampled; not live memory)");
        }
        throw new NoEventsException(file, "no allocation data: neither jfr-trace snapshots (record --alloc) "
                + "nor JFR's jdk.ObjectAllocationSample / jdk.OldObjectSample events");
    }

    private static void add(IItemIterable events, Map<List<Frame>, long[]> into, String sizeField) {
        EventFields f = new EventFields(events.getType());
        for (IItem e : events) {
            List<Frame> frames = frames(f.stackTrace(e));
            long[] sizeCount = into.computeIfAbsent(frames, k -> new long[2]);
            sizeCount[0] += f.bytes(e, sizeField);
            sizeCount[1]++;
        }
    }

    /** Oldest first, the most recent {@link #TRACEBACK_LIMIT} frames. */
    private static List<Frame> frames(IMCStackTrace trace) {
        List<Frame> mostRecentFirst = new ArrayList<>();
        if (trace != null) {
            for (IMCFrame fr : trace.getFrames()) {
                if (mostRecentFirst.size() == TRACEBACK_LIMIT) {
                    break;
                }
                mostRecentFirst.add(new Frame(JavaFrames.file(fr), JavaFrames.line(fr)));
            }
        }
        if (mostRecentFirst.isEmpty()) {
            mostRecentFirst.add(new Frame("<unknown>", 0));
        }
        List<Frame> oldestFirst = new ArrayList<>(mostRecentFirst);
        java.util.Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    private static Snapshot snapshot(Map<List<Frame>, long[]> groups) {
        List<Trace> traces = new ArrayList<>();
        groups.forEach((frames, sc) -> traces.add(new Trace(0, sc[0], sc[1], new Traceback(frames, frames.size()))));
        return new Snapshot(traces, TRACEBACK_LIMIT);
    }
}
