package io.jfrtrace.analyzer.jfr;

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
import one.jfr.StackTrace;

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
 * program's, and are left out. The allocation samples, which may be many, go through the bulk reader; the old-object
 * samples (JMC) only in the chunks that hold one, which the JVM writes when the recording ends.
 */
final class StockAllocationReader implements Source<StockAllocationReader.Part> {
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    /** Frames kept per traceback, most recent ones. */
    static final int TRACEBACK_LIMIT = 16;
    private static final Frame UNKNOWN = new Frame("<unknown>", 0);
    static final String LIVE_NOTE = "estimates from JFR's jdk.OldObjectSample: the sampled objects still alive at the "
            + "end (count), not all live memory; a size the JVM did not record is unknown";
    static final String ALLOCATED_NOTE = "estimates from JFR's jdk.ObjectAllocationSample (allocated, not live): size = "
            + "the bytes the samples stand for (their weights), count = size / object size where a jdk.OldObjectSample "
            + "of the class and site gives it, else unknown";

    /** A traceback (most recent frame first) and the class allocated there. */
    private record Site(List<Frame> frames, String className) {
        // by hand, as Frame's: one site is hashed per stack and class of every chunk
        @Override
        public boolean equals(Object o) {
            return o instanceof Site s && className.equals(s.className) && frames.equals(s.frames);
        }

        @Override
        public int hashCode() {
            return frames.hashCode() * 31 + className.hashCode();
        }
    }

    /** {@code size} -1 until known; {@code frames} null without a stack trace. */
    private record Live(String className, List<Frame> frames, long size, long arrayElements) {
    }

    /** One chunk's samples: allocation weights per site (first seen first) and the old-object samples. */
    static final class Part {
        /** Weights per stack and class id pair, listed by their first sample's time. */
        private final IdSums weightsByIds = IdSums.timed();
        private final Map<Site, long[]> weights = new LinkedHashMap<>();
        private final List<Live> live = new ArrayList<>();
        private final HeapLayout layout = new HeapLayout();
        private ChunkSymbols symbols;
    }

    private final Map<Site, long[]> weights = new LinkedHashMap<>();
    private final List<Live> live = new ArrayList<>();
    private final HeapLayout layout = new HeapLayout();

    @Override
    public Part chunk(Handlers on) {
        Part part = new Part();
        on.on(BulkType.ALLOCATION_SAMPLE, (e, symbols) -> {
            part.symbols = symbols;
            part.weightsByIds.add((long) e.stackTraceId << 32 | e.classId & 0xFFFFFFFFL, e.allocationSize, e.time);
        });
        on.onAny(OLD_OBJECT_SAMPLE, events -> oldObjects(events, part.live));
        on.alongside(HeapLayout.BOOLEAN_FLAG, events -> flags(events, part.layout, true));
        on.alongside(HeapLayout.INT_FLAG, events -> flags(events, part.layout, false));
        on.alongside(HeapLayout.LONG_FLAG, events -> flags(events, part.layout, false));
        on.atEnd(() -> resolve(part));
        return part;
    }

    /** The chunk's allocation samples by site, named while the chunk's symbols are valid. */
    private static void resolve(Part part) {
        if (part.weightsByIds.size() == 0) {
            return;
        }
        Map<Integer, List<Frame>> framesById = new java.util.HashMap<>();
        part.weightsByIds.forEachByFirstTime((ids, samples, weight) -> {
            int stackId = (int) (ids >>> 32);
            List<Frame> frames = framesById.computeIfAbsent(stackId, id -> frames(part.symbols, id));
            if (frames != null) { // null: a sample of jfr-trace's own code
                String className = part.symbols.className((int) ids);
                part.weights.computeIfAbsent(new Site(frames, className == null ? "?" : className), k -> new long[1])[0]
                        += weight;
            }
        });
        part.symbols = null;
    }

    @Override
    public void add(Part part) {
        part.weights.forEach((site, w) -> weights.computeIfAbsent(site, k -> new long[1])[0] += w[0]);
        live.addAll(part.live);
        layout.addAll(part.layout);
    }

    /** Whether the recording held any sample this reader uses. */
    boolean found() {
        return !weights.isEmpty() || !live.isEmpty();
    }

    /** The estimate for {@code view} and what it is made of; null if the recording holds no sample for it. */
    Sourced<Estimate> estimate(AllocationReader.View view) {
        ObjectSizes sizes = new ObjectSizes();
        List<Live> measured = new ArrayList<>();
        for (Live l : live) {
            long size = l.size() > 0 ? l.size() : layout.arraySize(l.className(), l.arrayElements());
            measured.add(new Live(l.className(), l.frames(), size, l.arrayElements()));
            sizes.add(l.className(), l.frames() == null ? null : top(l.frames()), size);
        }
        if (view == AllocationReader.View.LIVE && !measured.isEmpty()) {
            return Sourced.stock(liveEstimate(measured), List.of(OLD_OBJECT_SAMPLE), LIVE_NOTE);
        }
        if (!weights.isEmpty()) {
            return Sourced.stock(allocatedEstimate(sizes), List.of(ALLOCATION_SAMPLE), ALLOCATED_NOTE);
        }
        return null;
    }

    /** Per traceback and class: the bytes the samples stand for and the objects that makes. */
    private Estimate allocatedEstimate(ObjectSizes sizes) {
        List<Estimate.Row> rows = new ArrayList<>();
        weights.forEach((site, w) -> {
            double objectSize = sizes.of(site.className(), top(site.frames()));
            boolean known = objectSize > 0;
            long count = known ? Math.max(1, Math.round(w[0] / objectSize)) : 1;
            rows.add(new Estimate.Row(new Trace(0, w[0], count, traceback(site.frames())), true, known));
        });
        return Estimate.of(rows, TRACEBACK_LIMIT);
    }

    /** Per traceback and class: the sampled live objects and their bytes (unknown if one lacks a size). */
    private static Estimate liveEstimate(List<Live> samples) {
        Map<Site, long[]> groups = new LinkedHashMap<>();
        for (Live l : samples) {
            List<Frame> frames = l.frames() == null ? List.of(UNKNOWN) : l.frames();
            long[] g = groups.computeIfAbsent(new Site(frames, l.className()), k -> new long[3]);
            g[0] += Math.max(0, l.size());
            g[1]++;
            g[2] += l.size() > 0 ? 0 : 1; // samples without a size
        }
        List<Estimate.Row> rows = new ArrayList<>();
        groups.forEach((site, g) -> {
            boolean known = g[2] == 0;
            rows.add(new Estimate.Row(new Trace(0, known ? g[0] : 0, g[1], traceback(site.frames())), known, true));
        });
        return Estimate.of(rows, TRACEBACK_LIMIT);
    }

    private static void oldObjects(IItemIterable events, List<Live> live) {
        EventFields f = new EventFields(events.getType());
        for (IItem e : events) {
            IMCStackTrace st = f.stackTrace(e);
            if (!isJfrTrace(st)) {
                live.add(new Live(className(f.value(e, "object")), st == null ? null : frames(st),
                        f.has("objectSize") ? f.bytes(e, "objectSize") : -1,
                        f.has("arrayElements") ? f.number(e, "arrayElements") : -1));
            }
        }
    }

    private static void flags(IItemIterable events, HeapLayout layout, boolean bool) {
        EventFields f = new EventFields(events.getType());
        for (IItem e : events) {
            layout.flag(f.string(e, "name"), bool ? f.bool(e, "value") : (Object) f.number(e, "value"));
        }
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

    /** A class given as an old object ({@code object}). */
    private static String className(Object value) {
        IMCType type = value instanceof IMCType t ? t : value instanceof IMCOldObject o ? o.getType() : null;
        return type == null ? "?" : JavaFrames.typeName(type);
    }

    /** Most recent first, at most {@link #TRACEBACK_LIMIT}. */
    private static List<Frame> frames(IMCStackTrace trace) {
        List<Frame> mostRecentFirst = new ArrayList<>();
        for (IMCFrame fr : trace.getFrames()) {
            if (mostRecentFirst.size() == TRACEBACK_LIMIT) {
                break;
            }
            mostRecentFirst.add(new Frame(JavaFrames.file(fr), JavaFrames.line(fr)));
        }
        if (mostRecentFirst.isEmpty()) {
            mostRecentFirst.add(UNKNOWN);
        }
        return List.copyOf(mostRecentFirst);
    }

    /**
     * A bulk sample's stack, most recent first, at most {@link #TRACEBACK_LIMIT}, named as {@link #frames(IMCStackTrace)}
     * names JMC's; null if a frame is jfr-trace's own code.
     */
    private static List<Frame> frames(ChunkSymbols symbols, int stackId) {
        StackTrace trace = symbols.stackTrace(stackId);
        List<Frame> mostRecentFirst = new ArrayList<>();
        if (trace != null) {
            for (int i = 0; i < trace.methods.length; i++) {
                ChunkSymbols.Method m = symbols.method(trace, i);
                if (m.agent()) {
                    return null;
                }
                if (mostRecentFirst.size() < TRACEBACK_LIMIT) {
                    mostRecentFirst.add(new Frame(m.file(), Math.max(0, ChunkSymbols.frameLine(trace, i))));
                }
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
