package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.stacks.StackSamples;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

/**
 * The JVM's samples of a recording by stack ({@link StackSamples}), of one {@link SampleKind}: execution samples weighing
 * their sampling period, blocking events their duration, allocation samples the bytes they stand for (the allocated
 * class as the stack's top frame). Each chunk sums its samples per stack id without a per-event object of its own,
 * then names the stacks it saw; the sampling periods come from the chunk's {@code jdk.ActiveSetting} events.
 */
public final class SampledStacks implements Source<SampledStacks.Part> {
    private final SampleKind kind;
    private final SampleFilter filter;
    private final long recordingStartNanos;
    /** The time window in nanoseconds from the recording's start. */
    private final long fromNanos;
    private final long toNanos;
    private final Map<String, StackSamples> byEvent = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    private SampledStacks(SampleKind kind, SampleFilter filter, long recordingStartNanos) {
        this.kind = kind;
        this.filter = filter;
        this.recordingStartNanos = recordingStartNanos;
        ZoneId zone = filter.from() != null && filter.from().clock() != null
                || filter.to() != null && filter.to().clock() != null ? ZoneId.systemDefault() : ZoneOffset.UTC;
        this.fromNanos = filter.from() == null ? Long.MIN_VALUE : filter.from().nanosAfter(recordingStartNanos, zone);
        this.toNanos = filter.to() == null ? Long.MAX_VALUE : filter.to().nanosAfter(recordingStartNanos, zone);
    }

    /** The recording's execution samples by stack (weight: their period in nanoseconds, if the recording says it). */
    public static StackSamples executionSamples(Path file) throws IOException {
        return read(file, SampleKind.CPU, SampleFilter.ALL).stacks();
    }

    /**
     * The recording's allocation events by stack and class (weight: bytes), all three types summed as async-profiler's
     * converter sums them ({@code --alloc}), for the benchmark's side-by-side figures.
     */
    public static StackSamples allocations(Path file) throws IOException {
        return source(file, SampleKind.ALLOC, SampleFilter.ALL).result(false).stacks();
    }

    /**
     * The recording's samples of {@code kind} that {@code filter} keeps; for allocations, the TLAB events when the
     * recording has them (they count every allocation, so the samples would count some twice), else the samples.
     */
    public static SampledRecording read(Path file, SampleKind kind, SampleFilter filter) throws IOException {
        return read(file, kind, filter, ReadProgress.NONE);
    }

    /** As {@link #read(Path, SampleKind, SampleFilter)}, telling {@code progress} of the chunks read. */
    public static SampledRecording read(Path file, SampleKind kind, SampleFilter filter, ReadProgress progress)
            throws IOException {
        return source(file, kind, filter, progress).result(true);
    }

    private static SampledStacks source(Path file, SampleKind kind, SampleFilter filter) throws IOException {
        return source(file, kind, filter, ReadProgress.NONE);
    }

    private static SampledStacks source(Path file, SampleKind kind, SampleFilter filter, ReadProgress progress)
            throws IOException {
        Recording recording = Recording.open(file).progress(progress);
        long start = Long.MAX_VALUE;
        for (int i = 0; i < recording.chunkCount(); i++) {
            start = Math.min(start, recording.startNanos(i));
        }
        SampledStacks source = new SampledStacks(kind, filter, start);
        recording.read(List.of(source));
        return source;
    }

    /** One chunk's samples: per event type, samples per stack id (and class id, for allocations), and its settings. */
    static final class Part {
        private final Map<String, IdSums> sums = new LinkedHashMap<>();
        private final Map<String, String> settings = new HashMap<>();
        private final Map<String, StackSamples> named = new LinkedHashMap<>();
        private ChunkSymbols symbols;
    }

    @Override
    public Part chunk(Handlers on) {
        Part part = new Part();
        for (BulkType<?> type : kind.events()) {
            register(on, type, part);
        }
        on.on(BulkType.ACTIVE_SETTING, (e, symbols) -> {
            String event = on.typeName(e.number("id", -1));
            String name = e.string("name");
            if (event != null && ("period".equals(name) || "throttle".equals(name))) {
                part.settings.put(event, e.string("value"));
            } else if (event != null && "interval".equals(name) && isNumber(e.string("value"))) {
                part.settings.put(event, Periods.text(Long.parseLong(e.string("value")))); // async-profiler's, in ns
            }
        });
        on.atEnd(() -> name(part));
        return part;
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    @SuppressWarnings("unchecked")
    private <T extends Event> void register(Handlers on, BulkType<T> type, Part part) {
        IdSums sums = part.sums.computeIfAbsent(type.name(), k -> new IdSums());
        on.on(type, (T e, ChunkSymbols symbols) -> {
            part.symbols = symbols;
            if (!keeps(e, symbols)) {
                return;
            }
            if (e instanceof AllocationSample a) {
                long bytes = type == BulkType.ALLOCATION_IN_NEW_TLAB ? a.tlabSize : a.allocationSize;
                sums.add((long) a.stackTraceId << 32 | a.classId & 0xFFFFFFFFL, bytes);
            } else if (e instanceof ContendedLock l) {
                sums.add(l.stackTraceId, symbols.nanos(l.duration));
            } else if (e instanceof ExecutionSample) {
                sums.add(e.stackTraceId, 0); // weighs its period, known when the chunk's settings are
            }
        });
    }

    private boolean keeps(Event e, ChunkSymbols symbols) {
        if (!filter.threads().isEmpty() && !filter.keepsThread(symbols.threadName(e.tid))) {
            return false;
        }
        if (fromNanos == Long.MIN_VALUE && toNanos == Long.MAX_VALUE) {
            return true;
        }
        long at = symbols.epochNanos(e.time) - recordingStartNanos;
        return at >= fromNanos && at <= toNanos;
    }

    /** The chunk's stacks by name, while its symbols are valid. */
    private void name(Part part) {
        Map<Integer, List<FunctionKey>> stacks = new HashMap<>();
        Map<Long, Map<Integer, FunctionKey>> functions = new HashMap<>();
        part.sums.forEach((event, sums) -> {
            if (sums.size() == 0) {
                return;
            }
            long period = kind.unit() == SampleKind.Unit.SECONDS && !kind.equals(SampleKind.LOCK)
                    ? Periods.nanos(part.settings.get(event)) : -1;
            StackSamples out = part.named.computeIfAbsent(event, k -> new StackSamples());
            boolean allocations = kind == SampleKind.ALLOC;
            sums.forEach((id, samples, weight) -> {
                int stackId = (int) (allocations ? id >>> 32 : id);
                List<FunctionKey> rootFirst = stacks.computeIfAbsent(stackId, k -> frames(part.symbols, k, functions));
                if (allocations) {
                    String cls = part.symbols.className((int) id);
                    List<FunctionKey> withClass = new ArrayList<>(rootFirst.size() + 1);
                    withClass.addAll(rootFirst);
                    withClass.add(FunctionKey.builtin(cls == null ? "?" : cls));
                    rootFirst = withClass;
                }
                out.add(rootFirst, samples, period >= 0 ? samples * period : weight);
            });
        });
        part.symbols = null;
    }

    /** A stack's frames, outermost first, as {@code stats} names functions (line 0: the method, unless by line). */
    private List<FunctionKey> frames(ChunkSymbols symbols, int stackId, Map<Long, Map<Integer, FunctionKey>> functions) {
        StackTrace trace = symbols.stackTrace(stackId);
        if (trace == null) {
            return List.of();
        }
        List<FunctionKey> out = new ArrayList<>(trace.methods.length);
        for (int i = trace.methods.length - 1; i >= 0; i--) {
            int frame = i;
            int line = filter.lines() ? Math.max(0, ChunkSymbols.frameLine(trace, i)) : 0;
            out.add(functions.computeIfAbsent(trace.methods[i], id -> new HashMap<>())
                    .computeIfAbsent(line, l -> symbols.method(trace, frame).functionKey(l)));
        }
        return out;
    }

    @Override
    public void add(Part part) {
        part.named.forEach((event, stacks) -> byEvent.computeIfAbsent(event, k -> new StackSamples()).merge(stacks));
        part.settings.forEach(settings::put);
    }

    private SampledRecording result(boolean preferTlab) {
        Map<String, StackSamples> used = new LinkedHashMap<>(byEvent);
        if (preferTlab && kind == SampleKind.ALLOC && (used.containsKey(BulkType.ALLOCATION_IN_NEW_TLAB.name())
                || used.containsKey(BulkType.ALLOCATION_OUTSIDE_TLAB.name()))) {
            used.remove(BulkType.ALLOCATION_SAMPLE.name());
        }
        StackSamples all = new StackSamples();
        List<String> events = new ArrayList<>();
        List<String> how = new ArrayList<>();
        for (BulkType<?> type : kind.events()) {
            StackSamples s = used.get(type.name());
            if (s != null && s.size() > 0) {
                all.merge(s);
                events.add(type.name());
                String setting = settings.get(type.name());
                if (setting != null && kind != SampleKind.ALLOC && kind != SampleKind.LOCK) {
                    how.add(setting);
                }
            }
        }
        return new SampledRecording(all, kind, events, how);
    }
}
