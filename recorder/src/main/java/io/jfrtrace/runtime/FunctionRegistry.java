package io.jfrtrace.runtime;

/**
 * Global registry of profiled functions: int id -> (file, line, name).
 * Ids are assigned at instrumentation time; the hot path only ever sees ints.
 * Lives on the bootstrap class path so every class loader shares one copy.
 */
public final class FunctionRegistry {
    private static String[] files = new String[256];
    private static String[] names = new String[256];
    private static int[] lines = new int[256];
    private static volatile int count;

    private FunctionRegistry() {
    }

    /** Registers a function and returns its new id (every call gets a fresh id). */
    public static synchronized int register(String file, int line, String name) {
        int id = count;
        if (id == files.length) {
            int n = id * 2;
            files = java.util.Arrays.copyOf(files, n);
            names = java.util.Arrays.copyOf(names, n);
            lines = java.util.Arrays.copyOf(lines, n);
        }
        files[id] = file;
        names[id] = name;
        lines[id] = line;
        count = id + 1;
        return id;
    }

    public static int count() {
        return count;
    }

    /** Whether {@code id} is a built-in pseudo-function (file {@code ~}); lock-free. */
    public static boolean isBuiltin(int id) {
        int c = count; // volatile read publishes the arrays of every id below it
        String[] f = files;
        return id < c && id < f.length && "~".equals(f[id]);
    }

    public static synchronized String file(int id) {
        return files[id];
    }

    public static synchronized int line(int id) {
        return lines[id];
    }

    public static synchronized String name(int id) {
        return names[id];
    }
}
