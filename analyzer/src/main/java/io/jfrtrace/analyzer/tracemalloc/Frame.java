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

    // equals and hashCode by hand, with the values the record's own would give: the generated ones run through method
    // handles, which the launcher's C1 does not inline, and a frame is hashed for every traceback of every site
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && lineno == f.lineno && filename.equals(f.filename);
    }

    @Override
    public int hashCode() {
        return filename.hashCode() * 31 + lineno;
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
