package io.jfrtrace.analyzer.jfr;

import java.nio.file.Path;

/** A readable recording that holds none of the events a command needs. */
public final class NoEventsException extends RecordingException {
    public NoEventsException(Path file, String problem) {
        super(file, problem);
    }
}
