package io.jfrtrace.analyzer.jfr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fixed start of a JFR chunk: magic {@code FLR\0}, major and minor version, and the chunk's
 * size in bytes (big-endian long at offset 8). A chunk is a self-contained recording, which is
 * what lets us parse a file one chunk at a time and recover chunks from a JFR repository.
 */
public record ChunkHeader(int major, int minor, long size) {
    public static final int MIN_LENGTH = 16;
    private static final int MAGIC = 0x464C5200; // "FLR\0"

    /** True if {@code bytes} (at least 4 of them) start with the JFR magic. */
    public static boolean hasMagic(ByteBuffer bytes) {
        return bytes.remaining() >= 4 && bytes.order(ByteOrder.BIG_ENDIAN).getInt(bytes.position()) == MAGIC;
    }

    /** Reads a header at the buffer's position, or returns null if there is no JFR magic there. */
    public static ChunkHeader parse(ByteBuffer bytes) {
        if (bytes.remaining() < MIN_LENGTH || !hasMagic(bytes)) {
            return null;
        }
        int p = bytes.position();
        return new ChunkHeader(bytes.getShort(p + 4), bytes.getShort(p + 6), bytes.getLong(p + 8));
    }
}
