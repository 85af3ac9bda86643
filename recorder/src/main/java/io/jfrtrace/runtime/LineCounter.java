package io.jfrtrace.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * A thread's line counters, one {@code long[]} per class (slot i counts the class's i-th executable line, see
 * {@link LineRegistry}). An instrumented method asks for its class's array once per activation ({@link #counts}) and
 * keeps it in a local; each line then increments its slot in place, with no call (the code the line weaver inserts).
 * A class's array is never replaced once handed out, so no increment is lost to a copy; only the thread writes it,
 * the flusher reads it. In {@code record} mode a woven class caches a thread's array in a static field
 * ({@link #holder}); the array is the same one.
 */
public final class LineCounter {
    private static final PerThread<LineCounter> CURRENT = new PerThread<LineCounter>() {
        @Override
        protected LineCounter make(Thread owner) {
            return new LineCounter(owner);
        }
    };
    /**
     * The counter handed out last: a thread that calls again finds its own with one field read and a compare
     * instead of a ThreadLocal lookup (a racy read is harmless: the owner is final and checked).
     */
    private static LineCounter last;

    private final Thread owner;
    /** Per class id, this thread's counts; null until the thread first runs the class. Grown only by the owner. */
    private volatile long[][] classes = new long[16][];
    /** Per class id, this thread's holder of its counts (see {@link #holder}); read and written by the owner only. */
    private LineHolder[] holders = new LineHolder[0];
    /** The flusher's: per class id, the counts already flushed (touched by the flushing thread only). */
    public long[][] flushed = new long[0][];

    private LineCounter(Thread owner) {
        this.owner = owner;
    }

    /** This thread's counts of class {@code classId}, which has {@code size} executable lines. */
    public static long[] counts(int classId, int size) {
        return current().countsOf(classId, size);
    }

    /**
     * This thread's holder of the counts of class {@code classId} (which has {@code size} executable lines): what a
     * woven class stores in its holder field when the field held another thread's (or nothing). One per thread and
     * class, so threads that take turns in a class do not allocate.
     */
    public static LineHolder holder(int classId, int size) {
        LineCounter c = current();
        LineHolder[] h = c.holders;
        LineHolder holder;
        if (classId < h.length && (holder = h[classId]) != null) {
            return holder;
        }
        if (classId >= h.length) {
            h = Arrays.copyOf(h, Math.max(classId + 1, 2 * h.length));
            c.holders = h;
        }
        holder = new LineHolder(c.owner, c.countsOf(classId, size));
        h[classId] = holder;
        return holder;
    }

    private static LineCounter current() {
        LineCounter c = last;
        if (c == null || c.owner != Thread.currentThread()) {
            c = CURRENT.get();
            last = c;
        }
        return c;
    }

    private long[] countsOf(int classId, int size) {
        long[][] a = classes;
        long[] counts;
        if (classId < a.length && (counts = a[classId]) != null) {
            return counts;
        }
        return create(classId, size);
    }

    private long[] create(int classId, int size) {
        long[][] a = classes;
        if (classId >= a.length) {
            a = Arrays.copyOf(a, Math.max(classId + 1, 2 * a.length));
        }
        long[] counts = new long[size];
        a[classId] = counts;
        classes = a; // volatile write: the flusher sees the new array and its entries
        return counts;
    }

    /** Per class id, this thread's counts (null for classes it never ran); read by the flusher. */
    public long[][] classes() {
        return classes;
    }

    public boolean isOwnerAlive() {
        return owner.isAlive();
    }

    /** A copy of the list of all threads' counters (live and dead). */
    public static List<LineCounter> all() {
        return CURRENT.all();
    }

    /** Forgets a dead thread's counters once they were flushed. */
    public static void remove(LineCounter c) {
        CURRENT.remove(c);
    }
}
