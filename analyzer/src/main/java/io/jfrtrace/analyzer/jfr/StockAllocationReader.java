package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCOldObject;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.tracemalloc.Frame;
import io.jfrtrace.analyzer.tracemalloc.Trace;
import io.jfrtrace.analyzer.tracemalloc.Traceback;

/**
 * For recordings we did not make: estimates from the JVM's own samplers.
 * <ul>
 * <li>{@code jdk.ObjectAllocationSample} (allocated): a sample's {@code weight} is the bytes its thread allocated
 * since its previous sample, so a site's samples stand for the sum of their weights in bytes (what JMC and
 * {@code jfr view allocation-by-site} show as allocation pressure; neither counts objects) and for weight / object
 * size objects of the sampled class. The object size comes from {@code jdk.OldObjectSample} events of the same class
 * (and, for arrays, the same site); without one the count is unknown.
 * <li>{@code jdk.OldObjectSample} (live): the sampled objects still alive at the end, one each, with their size
 * ({@code objectSize} from JDK 18; on JDK 17 computed for arrays from {@code arrayElements} and the heap layout,
 * unknown for other objects).
 * </ul>
 * Samples taken in jfr-trace's own code (any frame in {@code io.jfrtrace}) are the agent's allocations, not the
 * program's, and are left out.
 */
public final class StockAllocationReader {
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    /** Frames kept per traceback, most recent ones. */
    static final int TRACEBACK_LIMIT = 16;
    private static final Frame UNKNOWN = new Frame("<unknown>", 0);

    /** The estimate and what it is made of, for the first line of the report. */
    public record Result(Estimate estimate, String source) {
    }

    private record Allocation(String className, List<Frame> frames, long weight) {
    }

    /** {@code size} -1 until known; {@code frames} null without a stack trace. */
    private record Live(String className, List<Frame> frames, long size, long arrayElements) {
    }

    private StockAllocationReader() {
    }

    public static Result read(Path file, AllocationReader.View view) throws IOException {
        List<Allocation> allocated = new ArrayList<>();
        List<Live> live = new ArrayList<>();
        HeapLayout layout = new HeapLayout();
        ChunkedRecording.open(file).forEachChunk(byType -> {
            for (IItemIterable events : byType) {
                String type = events.getType().getIdentifier();
                EventFields f = new EventFields(events.getType());
                switch (type) {
                    case ALLOCATION_SAMPLE -> {
                        for (IItem e : events) {
                            IMCStackTrace st = f.stackTrace(e);
                            if (!isJfrTrace(st)) {
                                allocated.add(new Allocation(className(f.value(e, "objectClass")), frames(st),
                                        f.bytes(e, "weight")));
                            }
                        }
                    }
                    case OLD_OBJECT_SAMPLE -> {
                        for (IItem e : events) {
                            IMCStackTrace st = f.stackTrace(e);
                            if (!isJfrTrace(st)) {
                                live.add(new Live(className(f.value(e, "object")), st == null ? null : frames(st),
                                        f.has("objectSize") ? f.bytes(e, "objectSize") : -1,
                                        f.has("arrayElements") ? f.number(e, "arrayElements") : -1));
                            }
                        }
                    }
                    case HeapLayout.BOOLEAN_FLAG -> {
                        for (IItem e : events) {
                            layout.flag(f.string(e, "name"), f.bool(e, "value"));
                        }
                    }
                    case HeapLayout.INT_FLAG, HeapLayout.LONG_FLAG -> {
                        for (IItem e : events) {
                            layout.flag(f.string(e, "name"), f.number(e, "value"));
                        }
                    }
                    default -> { }
                }
            }
        });
        ObjectSizes sizes = new ObjectSizes();
        List<Live> measured = new ArrayList<>();
        for (Live l : live) {
            long size = l.size() > 0 ? l.size() : layout.arraySize(l.className(), l.arrayElements());
            measured.add(new Live(l.className(), l.frames(), size, l.arrayElements()));
            sizes.add(l.className(), l.frames() == null ? null : top(l.frames()), size);
        }
        if (view == AllocationReader.View.LIVE && !measured.isEmpty()) {
            return new Result(liveEstimate(measured), "estimates from JFR's jdk.OldObjectSample: the sampled objects "
                    + "still alive at the end (count), not all live memory; a size the JVM did not record is unknown");
        }
        if (!allocated.isEmpty()) {
            return new Result(allocatedEstimate(allocated, sizes), "estimates from JFR's jdk.ObjectAllocationSample "
                    + "(allocated, not live): size = the bytes the samples stand for (their weights), count = size / "
                    + "object size where a jdk.OldObjectSample of the class and site gives it, else unknown");
        }
        throw new NoEventsException(file, "no allocation data: neither jfr-trace snapshots (record --alloc) "
                + "nor JFR's jdk.ObjectAllocationSample / jdk.OldObjectSample events");
    }

    /** Per traceback and class: the bytes the samples stand for and the objects that makes. */
    private static Estimate allocatedEstimate(List<Allocation> samples, ObjectSizes sizes) {
        Map<List<Object>, long[]> weights = new LinkedHashMap<>();
        for (Allocation a : samples) {
            weights.computeIfAbsent(List.of(a.frames(), a.className()), k -> new long[1])[0] += a.weight();
        }
        List<Estimate.Row> rows = new ArrayList<>();
        weights.forEach((key, w) -> {
            @SuppressWarnings("unchecked")
            List<Frame> frames = (List<Frame>) key.get(0);
            double objectSize = sizes.of((String) key.get(1), top(frames));
            boolean known = objectSize > 0;
            long count = known ? Math.max(1, Math.round(w[0] / objectSize)) : 1;
            rows.add(new Estimate.Row(new Trace(0, w[0], count, traceback(frames)), true, known));
        });
        return Estimate.of(rows, TRACEBACK_LIMIT);
    }

    /** Per traceback and class: the sampled live objects and their bytes (unknown if one lacks a size). */
    private static Estimate liveEstimate(List<Live> samples) {
        Map<List<Object>, long[]> groups = new LinkedHashMap<>();
        for (Live l : samples) {
            List<Frame> frames = l.frames() == null ? List.of(UNKNOWN) : l.frames();
            long[] g = groups.computeIfAbsent(List.of(frames, l.className()), k -> new long[3]);
            g[0] += Math.max(0, l.size());
            g[1]++;
            g[2] += l.size() > 0 ? 0 : 1; // samples without a size
        }
        List<Estimate.Row> rows = new ArrayList<>();
        groups.forEach((key, g) -> {
            @SuppressWarnings("unchecked")
            List<Frame> frames = (List<Frame>) key.get(0);
            boolean known = g[2] == 0;
            rows.add(new Estimate.Row(new Trace(0, known ? g[0] : 0, g[1], traceback(frames)), known, true));
        });
        return Estimate.of(rows, TRACEBACK_LIMIT);
    }

    private static boolean isJfrTrace(IMCStackTrace trace) {
        if (trace != null) {
            for (IMCFrame fr : trace.getFrames()) {
                if (JavaFrames.isJfrTrace(fr)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A class given as a class constant ({@code objectClass}) or an old object ({@code object}). */
    private static String className(Object value) {
        IMCType type = value instanceof IMCType t ? t : value instanceof IMCOldObject o ? o.getType() : null;
        return type == null ? "?" : JavaFrames.typeName(type);
    }

    /** Most recent first, at most {@link #TRACEBACK_LIMIT}. */
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
            mostRecentFirst.add(UNKNOWN);
        }
        return List.copyOf(mostRecentFirst);
    }

    private static Frame top(List<Frame> mostRecentFirst) {
        return mostRecentFirst.get(0);
    }

    private static Traceback traceback(List<Frame> mostRecentFirst) {
        List<Frame> oldestFirst = new ArrayList<>(mostRecentFirst);
        Collections.reverse(oldestFirst);
        return new Traceback(oldestFirst, oldestFirst.size());
    }
}
