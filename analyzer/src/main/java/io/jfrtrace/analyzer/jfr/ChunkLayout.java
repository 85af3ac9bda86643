package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Checks the offsets and sizes inside one chunk before the JMC parser follows them. The parser seeks wherever an
 * offset points and steps by whatever size an event claims (a size of 0 reads the same event forever), and its
 * errors carry no position; here each bad offset or size is reported with the byte it sits at.
 *
 * <p>Layout (format versions 1 and 2): a 68-byte header (magic, version, chunk size, constant pool offset, metadata
 * offset, times, features), then events back to back, each starting with its size and type; type 0 is the
 * metadata event, type 1 a constant pool, whose own delta field leads back to the previous pool (0 ends the chain).
 * With feature bit 0 set, integers are LEB128-style varints, else fixed big-endian.
 */
final class ChunkLayout {
    static final int HEADER_LENGTH = 68;
    private static final long METADATA = 0;
    private static final long CONSTANT_POOL = 1;

    /** A problem at a byte of the file (an absolute offset). */
    static final class LayoutException extends Exception {
        LayoutException(String problem) {
            super(problem);
        }
    }

    private final Bytes bytes;
    private final long start;
    private final long end;
    private boolean compressed;

    private ChunkLayout(FileChannel channel, long start, long size) {
        this.bytes = new Bytes(channel);
        this.start = start;
        this.end = start + size;
    }

    /** Checks the chunk at {@code [start, start + size)}, whose magic and size the caller has checked. */
    static void check(FileChannel channel, long start, long size) throws IOException, LayoutException {
        new ChunkLayout(channel, start, size).check();
    }

    private void check() throws IOException, LayoutException {
        if (end - start < HEADER_LENGTH) {
            throw new LayoutException("the chunk at byte " + start + " is " + (end - start)
                    + " bytes long, shorter than its own " + HEADER_LENGTH + "-byte header");
        }
        int major = bytes.fixed(start + 4, 2);
        int minor = bytes.fixed(start + 6, 2);
        if (major != 1 && major != 2) {
            throw new LayoutException("unsupported JFR format version " + major + "." + minor + " at byte " + (start + 4)
                    + " (versions 1 and 2 are known)");
        }
        long constantPools = bytes.fixedLong(start + 16);
        long metadata = bytes.fixedLong(start + 24);
        compressed = (bytes.fixed(start + 64, 4) & 1) != 0;
        if (constantPools != 0) {
            requireInBody(constantPools, "constant pool offset", start + 16);
        }
        requireInBody(metadata, "metadata offset", start + 24);
        requireEvent(start + metadata, METADATA, "the metadata event (offset at byte " + (start + 24) + ")");
        checkEvents();
        if (constantPools != 0) {
            checkConstantPools(start + constantPools);
        }
    }

    private void requireInBody(long offset, String what, long fieldAt) throws LayoutException {
        if (offset < HEADER_LENGTH || offset >= end - start) {
            throw new LayoutException("the " + what + " " + offset + " at byte " + fieldAt
                    + " points outside the chunk's " + (end - start) + " bytes");
        }
    }

    /** Events from the header to the first metadata event, where the parser stops. */
    private void checkEvents() throws IOException, LayoutException {
        long at = start + HEADER_LENGTH;
        while (true) {
            if (at >= end) {
                throw new LayoutException("no metadata event between byte " + (start + HEADER_LENGTH)
                        + " and the chunk's end at byte " + end);
            }
            Event e = event(at);
            if (e.type == METADATA) {
                return;
            }
            at += e.size;
        }
    }

    /** The constant pools, newest first, each delta leading back to an older one. */
    private void checkConstantPools(long first) throws IOException, LayoutException {
        long at = first;
        while (true) {
            Event pool = requireEvent(at, CONSTANT_POOL, "a constant pool");
            Cursor c = new Cursor(pool.fieldsAt);
            c.readLong(); // start time
            c.readLong(); // duration
            long deltaAt = c.at;
            long delta = c.readLong();
            if (delta == 0) {
                return;
            }
            long previous = at + delta;
            if (delta > 0 || previous < start + HEADER_LENGTH) {
                throw new LayoutException("the constant pool at byte " + at + " leads to byte " + previous
                        + " (delta " + delta + " at byte " + deltaAt + "), not to an earlier pool in the chunk");
            }
            at = previous;
        }
    }

    private Event requireEvent(long at, long type, String what) throws IOException, LayoutException {
        Event e = event(at);
        if (e.type != type) {
            throw new LayoutException(what + " at byte " + at + " has event type " + e.type + ", not " + type);
        }
        return e;
    }

    private record Event(long size, long type, long fieldsAt) {
    }

    private Event event(long at) throws IOException, LayoutException {
        Cursor c = new Cursor(at);
        long size = c.readInt();
        long type = c.readLong();
        if (size < c.at - at) {
            throw new LayoutException("the event at byte " + at + " claims " + size + " bytes, less than its own size and type");
        }
        if (at + size > end) {
            throw new LayoutException("the event at byte " + at + " claims " + size + " bytes, past the chunk's end at byte " + end);
        }
        return new Event(size, type, c.at);
    }

    /** Reads the chunk's integers from a position on, as the chunk's features say they are encoded. */
    private final class Cursor {
        long at;

        Cursor(long at) {
            this.at = at;
        }

        long readInt() throws IOException, LayoutException {
            if (compressed) {
                return (int) varint();
            }
            long v = (int) bytes.fixed(at, 4);
            at += 4;
            return v;
        }

        long readLong() throws IOException, LayoutException {
            if (compressed) {
                return varint();
            }
            long v = bytes.fixedLong(at);
            at += 8;
            return v;
        }

        /** Seven bits a byte, least significant first, the ninth byte whole (as the JDK writes them). */
        private long varint() throws IOException, LayoutException {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                int b = byteAt(at++);
                v |= (long) (b & 0x7F) << (7 * i);
                if (b < 0x80) {
                    return v;
                }
            }
            return v | (long) byteAt(at++) << 56;
        }

        private int byteAt(long pos) throws IOException, LayoutException {
            if (pos >= end) {
                throw new LayoutException("a number at byte " + (pos - 1) + " runs past the chunk's end at byte " + end);
            }
            return bytes.at(pos);
        }
    }

    /** Positional reads through a 64 KiB window. */
    private static final class Bytes {
        private final FileChannel channel;
        private final ByteBuffer window = ByteBuffer.allocate(1 << 16);
        private long windowStart = -1;

        Bytes(FileChannel channel) {
            this.channel = channel;
        }

        int at(long pos) throws IOException {
            if (windowStart < 0 || pos < windowStart || pos >= windowStart + window.limit()) {
                window.clear();
                windowStart = pos;
                while (window.hasRemaining() && channel.read(window, pos + window.position()) > 0) {
                    // fill as much as the file has
                }
                window.flip();
                if (!window.hasRemaining()) {
                    throw new IOException("no byte " + pos + " in the file");
                }
            }
            return window.get((int) (pos - windowStart)) & 0xFF;
        }

        int fixed(long pos, int length) throws IOException {
            int v = 0;
            for (int i = 0; i < length; i++) {
                v = v << 8 | at(pos + i);
            }
            return v;
        }

        long fixedLong(long pos) throws IOException {
            return (long) fixed(pos, 4) << 32 | fixed(pos + 4, 4) & 0xFFFFFFFFL;
        }
    }
}
