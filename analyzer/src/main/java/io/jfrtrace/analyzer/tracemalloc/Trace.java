package io.jfrtrace.analyzer.tracemalloc;

/**
 * One row of live memory: {@code count} identical blocks (same domain and traceback) of total {@code size} bytes.
 * Python would hold {@code count} separate traces whose sizes add up to {@code size}; every statistic counts
 * {@code count}, not 1.
 */
public record Trace(int domain, long size, long count, Traceback traceback) {
    public Trace {
        if (size < 0) throw new IllegalArgumentException("trace size must be >= 0, got " + size);
        if (count < 1) throw new IllegalArgumentException("trace count must be >= 1, got " + count);
        Traceback.requireNonEmpty(traceback);
    }

    /** A single block ({@code count = 1}). */
    public Trace(int domain, long size, Traceback traceback) {
        this(domain, size, 1, traceback);
    }
}
