package io.jfrtrace.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traceback table: a location is a {@code (file, line)} pair, a traceback an array of location
 * ids, most recent first, plus its total depth (frames beyond the limit included). Both are interned
 * to int ids, which is all that instrumented code and the per-thread counters carry.
 *
 * <p>Append-only: an entry never changes once written and the arrays grow by copying, so a {@link View}
 * taken under the lock can be read outside it.
 */
public final class Tracebacks {
    private static final Object LOCK = new Object();
    private static final Map<String, Integer> LOC_IDS = new HashMap<>();
    private static String[] locFile = new String[256];
    private static int[] locLine = new int[256];
    private static int locCount;
    private static final Map<Key, Integer> TB_IDS = new HashMap<>();
    private static int[][] tbLocs = new int[256][];
    private static int[] tbTotal = new int[256];
    private static int tbCount;

    private Tracebacks() {
    }

    /** An interned key compared by content (an array's own equals is identity). */
    private record Key(int[] values, int hash) {
        Key(int[] values) {
            this(values, Arrays.hashCode(values));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }
    }

    /** The first {@code count} tracebacks and the locations they use. */
    record View(int count, int[][] locations, int[] totals, String[] files, int[] lines) {
    }

    /** Location id of {@code (file, line)} (an allocation site's, at instrumentation time, with NFRAME &gt; 1). */
    public static int location(String file, int line) {
        synchronized (LOCK) {
            String k = file + ':' + line;
            Integer id = LOC_IDS.get(k);
            if (id != null) {
                return id;
            }
            int n = locCount;
            if (n == locFile.length) {
                locFile = Arrays.copyOf(locFile, 2 * n);
                locLine = Arrays.copyOf(locLine, 2 * n);
            }
            locFile[n] = file;
            locLine[n] = line;
            locCount = n + 1;
            LOC_IDS.put(k, n);
            return n;
        }
    }

    /** The one-frame traceback of an allocation site (NFRAME = 1), interned at instrumentation time. */
    public static int siteTraceback(String file, int line) {
        return intern(new int[] {1, location(file, line)});
    }

    /** Interns {@code [total, loc (most recent), loc, ...]}. */
    static int intern(int[] key) {
        synchronized (LOCK) {
            Key k = new Key(key);
            Integer id = TB_IDS.get(k);
            if (id != null) {
                return id;
            }
            int n = tbCount;
            if (n == tbLocs.length) {
                tbLocs = Arrays.copyOf(tbLocs, 2 * n);
                tbTotal = Arrays.copyOf(tbTotal, 2 * n);
            }
            tbLocs[n] = Arrays.copyOfRange(key, 1, key.length);
            tbTotal[n] = key[0];
            tbCount = n + 1;
            TB_IDS.put(k, n);
            return n;
        }
    }

    /** Interns a raw shadow-stack key {@code [total, siteLoc, fid, line, fid, line, ...]}. */
    static int internRaw(int[] raw) {
        int frames = 1 + (raw.length - 2) / 2;
        int[] key = new int[1 + frames];
        key[0] = raw[0];
        key[1] = raw[1];
        for (int i = 1; i < frames; i++) {
            int fid = raw[2 * i];
            key[1 + i] = location(FunctionRegistry.file(fid), raw[2 * i + 1]);
        }
        return intern(key);
    }

    /** The table as it is now. */
    static View view() {
        synchronized (LOCK) {
            return new View(tbCount, tbLocs, tbTotal, locFile, locLine);
        }
    }

    /** Traceback {@code tb} as {@code file:line} strings, oldest first. */
    static List<String> frameList(int tb) {
        synchronized (LOCK) {
            int[] locs = tbLocs[tb];
            List<String> out = new ArrayList<>(locs.length);
            for (int i = locs.length - 1; i >= 0; i--) {
                out.add(locFile[locs[i]] + ':' + locLine[locs[i]]);
            }
            return Collections.unmodifiableList(out);
        }
    }

    /** The table's own memory, estimated. */
    static long footprint() {
        synchronized (LOCK) {
            long m = 12L * locFile.length + 12L * tbLocs.length + 48L * (TB_IDS.size() + LOC_IDS.size());
            for (int i = 0; i < tbCount; i++) {
                m += 16 + 4L * tbLocs[i].length;
            }
            return m;
        }
    }
}
