package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;

/** A recording that cannot be read: the message is one line naming the file and the problem. */
public class RecordingException extends IOException {
    public RecordingException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public RecordingException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
