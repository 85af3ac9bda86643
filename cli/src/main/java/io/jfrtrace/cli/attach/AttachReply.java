package io.jfrtrace.cli.attach;

import java.nio.file.Path;

/**
 * What the agent in the attached JVM answered (the reply file, one line): {@code started CLASSES OUTPUT},
 * {@code stopped CLASSES OUTPUT} or {@code error MESSAGE}.
 */
public record AttachReply(boolean ok, int classes, Path output, String message) {
    /** The line as the agent wrote it (null: it wrote nothing). */
    static AttachReply parse(String line) {
        if (line == null || line.isBlank()) {
            return new AttachReply(false, 0, null, "the agent did not answer");
        }
        String[] parts = line.strip().split(" ", 3);
        if ((parts[0].equals("started") || parts[0].equals("stopped")) && parts.length == 3) {
            try {
                return new AttachReply(true, Integer.parseInt(parts[1]), Path.of(parts[2]), null);
            } catch (NumberFormatException e) {
                // falls through: an answer we do not understand
            }
        }
        if (parts[0].equals("error")) {
            return new AttachReply(false, 0, null, line.strip().substring("error".length()).strip());
        }
        return new AttachReply(false, 0, null, "unexpected answer from the agent: " + line.strip());
    }
}
