package io.jfrtrace.runtime;

import java.util.Arrays;

/**
 * Per profiled function, the built-in call keys (selector &lt;&lt; 32 | built-in id) through which a
 * call lands directly in it: for {@code ByLength.compare(String, String)}, the key of {@code
 * Comparator.compare(Object, Object)}. Written by the instrumenter before the function's class is
 * defined, read by {@link Profiler#enterTarget} on every call of such a function.
 */
public final class DispatchKeys {
    private static long[][] byFunction = new long[64][];
    /** Written after every change, read first: publishes the table and its rows. */
    private static volatile int version;

    private DispatchKeys() {
    }

    /** The keys of function {@code id}, or null. */
    static long[] of(int id) {
        if (version == 0) {
            return null;
        }
        long[][] t = byFunction;
        return id < t.length ? t[id] : null;
    }

    /** Adds {@code keys} to function {@code id}'s. */
    public static synchronized void add(int id, long[] keys) {
        long[][] t = byFunction;
        if (id >= t.length) {
            t = Arrays.copyOf(t, Math.max(id + 1, 2 * t.length));
        }
        long[] row = t[id] == null ? new long[0] : t[id];
        for (long k : keys) {
            if (!contains(row, k)) {
                row = Arrays.copyOf(row, row.length + 1);
                row[row.length - 1] = k;
            }
        }
        t[id] = row; // a new array: a reader holding the old row sees it unchanged
        byFunction = t;
        version++;
    }

    private static boolean contains(long[] a, long k) {
        for (long x : a) {
            if (x == k) {
                return true;
            }
        }
        return false;
    }
}
