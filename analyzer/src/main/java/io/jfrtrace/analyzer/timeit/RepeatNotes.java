package io.jfrtrace.analyzer.timeit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * jfr-trace's lines after timeit's result (no timeit has them): which repeats a GC pause, a compilation or a
 * deoptimisation fell in, one line per kind ({@code note: 2 of 5 repeats include GC pauses (4.1 ms)}); with
 * {@code -v}, each such repeat and what fell in it. The result itself stays CPython's best-of.
 */
public final class RepeatNotes {
    private final int verbose;

    public RepeatNotes(int verbose) {
        this.verbose = verbose;
    }

    public String notes(TimingRecording recording) {
        List<TimedCall> repeats = recording.repeats();
        StringBuilder b = new StringBuilder();
        for (JvmEvent.Kind kind : JvmEvent.Kind.values()) {
            List<String> details = new ArrayList<>();
            int hit = 0;
            long pauseNanos = 0;
            int events = 0;
            for (TimedCall r : repeats) {
                List<JvmEvent> inside = recording.inside(r, kind);
                if (inside.isEmpty()) {
                    continue;
                }
                hit++;
                events += inside.size();
                long overlap = TimingRecording.overlap(r, inside);
                pauseNanos += overlap;
                details.add("  repeat " + r.index() + ": " + detail(kind, inside, overlap) + "\n");
            }
            if (hit == 0) {
                continue;
            }
            b.append("note: ").append(hit).append(" of ").append(repeats.size()).append(" repeats ")
                    .append(hit == 1 ? "includes " : "include ").append(kind.plural()).append(" (")
                    .append(kind == JvmEvent.Kind.GC_PAUSE ? millis(pauseNanos) : Integer.toString(events)).append(")\n");
            if (verbose > 0) {
                details.forEach(b::append);
            }
        }
        return b.toString();
    }

    private static String detail(JvmEvent.Kind kind, List<JvmEvent> inside, long overlap) {
        if (kind == JvmEvent.Kind.GC_PAUSE) {
            return inside.size() + (inside.size() == 1 ? " pause, " : " pauses, ") + millis(overlap);
        }
        List<String> what = new ArrayList<>();
        for (JvmEvent e : inside) {
            what.add(e.what());
        }
        return String.join(", ", what);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
