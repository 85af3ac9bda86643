package io.jfrtrace.analyzer.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The notes after timeit's result: which repeats the JVM's GC pauses, compilations and deoptimisations fell in. */
class RepeatNotesTest {
    private static final long MS = 1_000_000;

    /** Three repeats of 100 ms each, at 0, 200 and 400 ms, after one autorange trial. */
    private static List<TimedCall> calls() {
        return List.of(new TimedCall("autorange", 1, 10, -300 * MS, -200 * MS),
                new TimedCall("repeat", 1, 10, 0, 100 * MS),
                new TimedCall("repeat", 2, 10, 200 * MS, 300 * MS),
                new TimedCall("repeat", 3, 10, 400 * MS, 500 * MS));
    }

    private static JvmEvent pause(double fromMs, double toMs) {
        return new JvmEvent(JvmEvent.Kind.GC_PAUSE, (long) (fromMs * MS), (long) (toMs * MS), "GC Pause");
    }

    @Test
    void nothingInsideTheRepeatsIsNoNote() {
        // a pause during a trial and one between two repeats
        TimingRecording r = new TimingRecording(calls(), List.of(pause(-250, -240), pause(150, 160)));
        assertEquals("", new RepeatNotes(1).notes(r));
    }

    @Test
    void pausesAreCountedPerRepeatAndOnlyTheirPartInsideIsTimed() {
        TimingRecording r = new TimingRecording(calls(), List.of(pause(10, 12.5), pause(50, 51),
                pause(495, 505))); // half of the last one is after repeat 3
        assertEquals("note: 2 of 3 repeats include GC pauses (8.5 ms)\n", new RepeatNotes(0).notes(r));
        assertEquals("note: 2 of 3 repeats include GC pauses (8.5 ms)\n"
                + "  repeat 1: 2 pauses, 3.5 ms\n"
                + "  repeat 3: 1 pause, 5.0 ms\n", new RepeatNotes(1).notes(r));
    }

    @Test
    void oneRepeatIsSingularAndEachKindHasItsLine() {
        TimingRecording r = new TimingRecording(calls(), List.of(
                new JvmEvent(JvmEvent.Kind.COMPILATION, 190 * MS, 210 * MS, "JfrTraceTimeit.time (C2)"),
                new JvmEvent(JvmEvent.Kind.COMPILATION, 250 * MS, 251 * MS, "java.util.HashMap.get (C1)"),
                new JvmEvent(JvmEvent.Kind.DEOPTIMIZATION, 450 * MS, 450 * MS, "JfrTraceTimeit.time (unstable_if)"),
                pause(220, 221)));
        assertEquals("note: 1 of 3 repeats includes GC pauses (1.0 ms)\n"
                + "  repeat 2: 1 pause, 1.0 ms\n"
                + "note: 1 of 3 repeats includes compilations (2)\n"
                + "  repeat 2: JfrTraceTimeit.time (C2), java.util.HashMap.get (C1)\n"
                + "note: 1 of 3 repeats includes deoptimizations (1)\n"
                + "  repeat 3: JfrTraceTimeit.time (unstable_if)\n", new RepeatNotes(1).notes(r));
    }
}
