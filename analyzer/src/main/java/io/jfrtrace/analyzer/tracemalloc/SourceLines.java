package io.jfrtrace.analyzer.tracemalloc;

/** Where source lines come from (Python's {@code linecache.getline}), for {@link Traceback#format} and {@link DisplayTop}. */
@FunctionalInterface
public interface SourceLines {
    /** Never finds a line. */
    SourceLines NONE = (filename, lineno) -> null;

    /**
     * The raw source line {@code lineno} (1-based) of {@code filename}, without its line terminator, or {@code null}
     * when the file or line is unknown. Callers strip it like Python's {@code str.strip()}.
     */
    String line(String filename, int lineno);
}
