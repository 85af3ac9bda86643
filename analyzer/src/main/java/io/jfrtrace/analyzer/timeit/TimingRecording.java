package io.jfrtrace.analyzer.timeit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the timing JVM's flight recording holds: the timed calls and the JVM's GC pauses, compilations, deopts. */
public record TimingRecording(List<TimedCall> calls, List<JvmEvent> jvmEvents) {
    public TimingRecording {
        calls = List.copyOf(calls);
        jvmEvents = List.copyOf(jvmEvents);
    }

    /** The repeats, in order. */
    public List<TimedCall> repeats() {
        List<TimedCall> repeats = new ArrayList<>();
        for (TimedCall c : calls) {
            if (c.isRepeat()) {
                repeats.add(c);
            }
        }
        repeats.sort(Comparator.comparingInt(TimedCall::index));
        return repeats;
    }

    /** The JVM's events of one kind that fell inside {@code call}, in time order. */
    public List<JvmEvent> inside(TimedCall call, JvmEvent.Kind kind) {
        List<JvmEvent> inside = new ArrayList<>();
        for (JvmEvent e : jvmEvents) {
            if (e.kind() == kind && e.within(call.startNanos(), call.endNanos())) {
                inside.add(e);
            }
        }
        inside.sort(Comparator.comparingLong(JvmEvent::startNanos));
        return inside;
    }

    /** How long of {@code events} fell inside {@code call}, in nanoseconds. */
    public static long overlap(TimedCall call, List<JvmEvent> events) {
        long sum = 0;
        for (JvmEvent e : events) {
            sum += e.overlap(call.startNanos(), call.endNanos());
        }
        return sum;
    }
}
