package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.PyStr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Python's {@code tracemalloc.Traceback}: frames ordered from the <b>oldest</b> to the most recent, plus the depth
 * before truncation ({@code totalNframe}, may be {@code null}). Equality, hashing and order look at the frames only,
 * as in Python; order is the lexicographic order of the oldest-first frame tuples.
 */
public final class Traceback implements Comparable<Traceback> {
    private final List<Frame> frames;
    private final Integer totalNframe;

    /** @param framesOldestFirst the frames, oldest first (the public order of Python's API) */
    public Traceback(List<Frame> framesOldestFirst, Integer totalNframe) {
        this.frames = List.copyOf(framesOldestFirst);
        this.totalNframe = totalNframe;
    }

    public Traceback(List<Frame> framesOldestFirst) {
        this(framesOldestFirst, null);
    }

    /** Builds a traceback from frames given most recent first, the order of Python's raw trace tuples. */
    public static Traceback ofMostRecentFirst(List<Frame> framesMostRecentFirst, Integer totalNframe) {
        List<Frame> copy = new ArrayList<>(framesMostRecentFirst);
        Collections.reverse(copy);
        return new Traceback(copy, totalNframe);
    }

    /** Oldest first. */
    public List<Frame> frames() {
        return frames;
    }

    public Integer totalNframe() {
        return totalNframe;
    }

    public int size() {
        return frames.size();
    }

    public Frame get(int index) {
        return frames.get(index);
    }

    /** The most recent frame (Python's {@code traceback[-1]}; raw {@code frames[0]}). */
    public Frame mostRecent() {
        if (frames.isEmpty()) throw new IllegalStateException("empty traceback");
        return frames.get(frames.size() - 1);
    }

    /**
     * {@code Traceback.format(limit, most_recent_first)}: {@code limit > 0} keeps the {@code limit} most recent
     * frames, {@code limit <= 0} drops the {@code |limit|} most recent ({@code 0}: none), {@code null} keeps all.
     * Per frame {@code "  File \"NAME\", line N"} and, if the stripped source line is not empty, {@code "    LINE"}.
     */
    public List<String> format(Integer limit, boolean mostRecentFirst, SourceLines lines) {
        List<Frame> slice;
        int n = frames.size();
        if (limit == null) {
            slice = frames;
        } else if (limit > 0) {
            slice = frames.subList(Math.max(0, n - limit), n);
        } else {
            slice = frames.subList(0, limit == 0 ? 0 : Math.max(0, n + limit)); // frames[:limit]
        }
        if (mostRecentFirst) {
            slice = new ArrayList<>(slice);
            Collections.reverse(slice);
        }
        List<String> out = new ArrayList<>();
        for (Frame f : slice) {
            out.add("  File \"" + f.filename() + "\", line " + f.lineno());
            String src = lines.line(f.filename(), f.lineno());
            if (src != null) {
                String s = PyStr.strip(src);
                if (!s.isEmpty()) out.add("    " + s);
            }
        }
        return out;
    }

    /** {@code format(null, false, SourceLines.NONE)}. */
    public List<String> format() {
        return format(null, false, SourceLines.NONE);
    }

    @Override
    public int compareTo(Traceback o) {
        int n = Math.min(frames.size(), o.frames.size());
        for (int i = 0; i < n; i++) {
            int c = frames.get(i).compareTo(o.frames.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(frames.size(), o.frames.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Traceback t && frames.equals(t.frames);
    }

    @Override
    public int hashCode() {
        return frames.hashCode();
    }

    /** The string of the <b>oldest</b> frame, as Python's {@code str(traceback)}. */
    @Override
    public String toString() {
        if (frames.isEmpty()) throw new IllegalStateException("empty traceback has no string form (Python raises IndexError)");
        return frames.get(0).toString();
    }

    static Traceback requireNonEmpty(Traceback t) {
        Objects.requireNonNull(t, "traceback");
        if (t.frames.isEmpty()) {
            throw new IllegalArgumentException("a trace needs at least one frame (use <unknown>:0 when none is known)");
        }
        return t;
    }
}
