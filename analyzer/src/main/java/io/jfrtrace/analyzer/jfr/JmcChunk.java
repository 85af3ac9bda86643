package io.jfrtrace.analyzer.jfr;

import java.io.ByteArrayInputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * One chunk through JMC's parser, which reads any event from the chunk's metadata (and materialises every event of the
 * chunk as objects). Only the events nothing faster decodes go this way; on the bulk path this class, and JMC with it,
 * is never loaded.
 */
final class JmcChunk {
    /**
     * JMC 9.1 logs a warning per chunk of JDK 25 files (an unknown 'virtual' field), and one per undeclared type of a
     * corrupt chunk (which fails on its own): not the user's concern. Held here: the log manager keeps loggers only
     * weakly, and a collected one comes back with the default level.
     */
    private static final Logger JMC_LOG = Logger.getLogger("org.openjdk.jmc.flightrecorder");

    static {
        JMC_LOG.setLevel(Level.OFF);
    }

    private JmcChunk() {
    }

    /** The chunk's events grouped by type; a chunk JMC cannot read is a one-line {@link RecordingException}. */
    static Iterable<IItemIterable> parse(ChunkedRecording recording, ChunkedRecording.LoadedChunk chunk)
            throws RecordingException {
        byte[] bytes = chunk.bytes().array();
        int offset = chunk.bytes().arrayOffset();
        try {
            return JfrLoaderToolkit.loadEvents(new ByteArrayInputStream(bytes, offset, chunk.bytes().limit()));
        } catch (Exception | OutOfMemoryError e) {
            throw recording.unreadable(chunk.index(), e);
        }
    }
}
