package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.timeit.JvmEvent;
import io.jfrtrace.analyzer.timeit.TimedCall;
import io.jfrtrace.analyzer.timeit.TimingRecording;
import io.jfrtrace.schema.TimeitRepeatEvent;

/**
 * The flight recording of {@code jfr-trace timeit}'s timing JVM (docs/events.md, "Timeit"): its
 * {@code jfrtrace.TimeitRepeat} events and the JVM's {@code jdk.GCPhasePause}, {@code jdk.Compilation} and
 * {@code jdk.Deoptimization} events.
 */
public final class TimingRecordingReader implements Source<TimingRecordingReader.Part> {
    private static final String GC_PAUSE = "jdk.GCPhasePause";
    private static final String COMPILATION = "jdk.Compilation";
    private static final String DEOPTIMIZATION = "jdk.Deoptimization";

    private final Part all = new Part();

    private TimingRecordingReader() {
    }

    /** One chunk's events. */
    static final class Part {
        final List<TimedCall> calls = new ArrayList<>();
        final List<JvmEvent> jvmEvents = new ArrayList<>();
    }

    /** The recording's timed calls and JVM events; fails with a one-line message if it has no timed call. */
    public static TimingRecording read(Path file) throws IOException {
        TimingRecordingReader reader = new TimingRecordingReader();
        Recording.open(file).read(List.of(reader));
        if (reader.all.calls.isEmpty()) {
            throw new NoEventsException(file, "no timeit repeats (" + TimeitRepeatEvent.NAME + ")");
        }
        return new TimingRecording(reader.all.calls, reader.all.jvmEvents);
    }

    @Override
    public Part chunk(Handlers on) {
        Part part = new Part();
        on.onAny(TimeitRepeatEvent.NAME, events -> {
            EventFields f = new EventFields(events.getType());
            for (IItem e : events) {
                long start = nanos(f.instant(e, "startTime"));
                part.calls.add(new TimedCall(f.string(e, TimeitRepeatEvent.PHASE), (int) f.number(e, TimeitRepeatEvent.INDEX),
                        f.number(e, TimeitRepeatEvent.NUMBER), start, start + f.number(e, "duration")));
            }
        });
        on.onAny(GC_PAUSE, events -> add(part, events, JvmEvent.Kind.GC_PAUSE));
        on.onAny(COMPILATION, events -> add(part, events, JvmEvent.Kind.COMPILATION));
        on.onAny(DEOPTIMIZATION, events -> add(part, events, JvmEvent.Kind.DEOPTIMIZATION));
        return part;
    }

    private static void add(Part part, IItemIterable events, JvmEvent.Kind kind) {
        EventFields f = new EventFields(events.getType());
        for (IItem e : events) {
            long start = nanos(f.instant(e, "startTime"));
            part.jvmEvents.add(new JvmEvent(kind, start, start + f.number(e, "duration"), what(kind, f, e)));
        }
    }

    /** {@code GC Pause}, {@code java.util.HashMap.get (C2, OSR)}, {@code Demo.run (unstable_if)}. */
    private static String what(JvmEvent.Kind kind, EventFields f, IItem e) {
        if (kind == JvmEvent.Kind.GC_PAUSE) {
            String name = f.string(e, "name");
            return name == null ? "GC pause" : name;
        }
        String method = f.value(e, "method") instanceof IMCMethod m && m.getType() != null
                ? JavaFrames.className(m) + "." + m.getMethodName() : "<unknown method>";
        if (kind == JvmEvent.Kind.COMPILATION) {
            long level = f.number(e, "compileLevel");
            return method + " (" + (level >= 4 ? "C2" : "C1") + (Boolean.TRUE.equals(f.bool(e, "isOsr")) ? ", OSR" : "")
                    + ")";
        }
        String reason = f.string(e, "reason");
        return reason == null ? method : method + " (" + reason + ")";
    }

    private static long nanos(Instant t) {
        return t == null ? 0 : t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void add(Part part) {
        all.calls.addAll(part.calls);
        all.jvmEvents.addAll(part.jvmEvents);
    }
}
