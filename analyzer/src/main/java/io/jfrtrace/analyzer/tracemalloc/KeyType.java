package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.PyStr;

/** How {@link Snapshot#statistics} groups traces. */
public enum KeyType {
    /** By the most recent frame. */
    LINENO("lineno"),
    /** By the most recent frame's file (printed as {@code file:0}). */
    FILENAME("filename"),
    /** By the whole traceback. */
    TRACEBACK("traceback");

    private final String pythonName;

    KeyType(String pythonName) {
        this.pythonName = pythonName;
    }

    /** {@code "lineno"}, {@code "filename"} or {@code "traceback"}. */
    public String pythonName() {
        return pythonName;
    }

    /** Parses Python's key type name; anything else is rejected like Python's {@code ValueError}. */
    public static KeyType parse(String name) {
        for (KeyType k : values()) {
            if (k.pythonName.equals(name)) return k;
        }
        throw new IllegalArgumentException("unknown key_type: " + (name == null ? "None" : PyStr.repr(name))
                + " (expected 'lineno', 'filename' or 'traceback')");
    }

    @Override
    public String toString() {
        return pythonName;
    }
}
