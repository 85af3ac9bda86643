package io.jfrtrace.analyzer.jfr;

import java.nio.file.Path;

/** A snapshot selector that names no snapshot of a recording that has some. */
public final class UnknownSnapshotException extends RecordingException {
    private final Path file;
    private final String selector;
    private final int lastId;

    public UnknownSnapshotException(Path file, String selector, int lastId) {
        this(file, selector, lastId, null);
    }

    private UnknownSnapshotException(Path file, String selector, int lastId, String advice) {
        super(file, "no snapshot '" + selector + "' (ids 1.." + lastId + (advice == null ? "" : "; " + advice) + ")");
        this.file = file;
        this.selector = selector;
        this.lastId = lastId;
    }

    /** The same problem with what the user can do about it (the analyzer names no command; its caller may). */
    public UnknownSnapshotException withAdvice(String advice) {
        return new UnknownSnapshotException(file, selector, lastId, advice);
    }
}
