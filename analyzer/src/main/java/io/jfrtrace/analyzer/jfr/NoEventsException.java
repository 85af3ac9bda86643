package io.jfrtrace.analyzer.jfr;

import java.nio.file.Path;

/** A readable recording that holds none of the events a command needs. */
public final class NoEventsException extends RecordingException {
    private final Path file;
    private final String problem;

    public NoEventsException(Path file, String problem) {
        super(file, problem);
        this.file = file;
        this.problem = problem;
    }

    /** The same problem with what the user can do about it (the analyzer names no command; its caller may). */
    public NoEventsException withAdvice(String advice) {
        return new NoEventsException(file, problem + "; " + advice);
    }
}
