package io.jfrtrace.runtime;

import java.util.Arrays;

/**
 * The classes whose lines are counted: class id -> (file, class name, executable lines, ascending). A class is
 * registered when it is instrumented (at load, before any of its code runs), so a class loaded but never run still
 * has its lines. Instrumented code counts into slot i of its class for line {@code lines(id)[i]}.
 */
public final class LineRegistry {
    private static String[] files = new String[64];
    private static String[] classNames = new String[64];
    private static int[][] lines = new int[64][];
    private static int count;

    private LineRegistry() {
    }

    /** Registers a class's executable lines (ascending, distinct) and returns its new id. */
    public static synchronized int register(String file, String className, int[] ascendingLines) {
        int id = count;
        if (id == files.length) {
            files = Arrays.copyOf(files, 2 * id);
            classNames = Arrays.copyOf(classNames, 2 * id);
            lines = Arrays.copyOf(lines, 2 * id);
        }
        files[id] = file;
        classNames[id] = className;
        lines[id] = ascendingLines.clone();
        count = id + 1;
        return id;
    }

    public static synchronized int count() {
        return count;
    }

    public static synchronized String file(int id) {
        return files[id];
    }

    public static synchronized String className(int id) {
        return classNames[id];
    }

    /** The class's executable lines, ascending (the caller must not change the array). */
    public static synchronized int[] lines(int id) {
        return lines[id];
    }
}
