package io.jfrtrace.analyzer.timeit;

/**
 * Something the JVM did while the statement was timed: a GC pause, a compilation or a deoptimisation, with when it
 * ran (nanoseconds since the epoch; a deoptimisation is an instant) and what it was about
 * ({@code java.util.HashMap.get (C2, OSR)}).
 */
public record JvmEvent(Kind kind, long startNanos, long endNanos, String what) {
    public enum Kind {
        GC_PAUSE("GC pauses"), COMPILATION("compilations"), DEOPTIMIZATION("deoptimizations");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        /** How a note names them: {@code GC pauses}. */
        public String plural() {
            return plural;
        }
    }

    /** How long of it fell between {@code from} and {@code to} (0 for an instant inside). */
    long overlap(long from, long to) {
        return Math.max(0, Math.min(endNanos, to) - Math.max(startNanos, from));
    }

    /** Whether it ran (or, an instant, happened) between {@code from} and {@code to}. */
    boolean within(long from, long to) {
        return startNanos == endNanos ? startNanos >= from && startNanos <= to : overlap(from, to) > 0;
    }
}
