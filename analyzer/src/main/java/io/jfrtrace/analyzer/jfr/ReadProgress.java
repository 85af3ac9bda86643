package io.jfrtrace.analyzer.jfr;

/** Told, on the reading thread, each time a read pass has merged one more chunk: for a progress line. */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = (done, chunks) -> {
    };

    /** {@code done} of the pass's {@code chunks} chunks are read. */
    void chunksRead(int done, int chunks);
}
