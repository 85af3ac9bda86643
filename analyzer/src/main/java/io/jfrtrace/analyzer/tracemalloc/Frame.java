package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.PyStr;

import java.util.Comparator;
import java.util.Objects;

/** One frame of a traceback: Python's {@code tracemalloc.Frame}. Ordered like the tuple {@code (filename, lineno)}. */
public record Frame(String filename, int lineno) implements Comparable<Frame> {
    /** Python's tuple order: filename by code point, then line number. */
    public static final Comparator<Frame> ORDER =
            Comparator.comparing(Frame::filename, PyStr.CODE_POINT_ORDER).thenComparingInt(Frame::lineno);

    public Frame {
        Objects.requireNonNull(filename, "filename");
    }

    @Override
    public int compareTo(Frame o) {
        return ORDER.compare(this, o);
    }

    /** {@code "%s:%s" % (filename, lineno)}. */
    @Override
    public String toString() {
        return filename + ":" + lineno;
    }
}
