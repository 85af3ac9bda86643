package io.jfrtrace.analyzer.jfr;

import java.nio.ByteBuffer;

/**
 * Checks the offsets and sizes inside one chunk before a parser follows them. A parser seeks wherever an offset points
 * and steps by whatever size an event claims (a size of 0 reads the same event forever), and its errors carry no
 * position; here each bad offset or size is reported with the byte it sits at.
 *
 * <p>Layout (format versions 1 and 2): a 68-byte header (magic, version, chunk size, constant pool offset, metadata
 * offset, times, features), then events back to back up to the chunk's end, each starting with its size and type;
 * type 0 is a metadata event (the header points at the last one), type 1 a constant pool, whose own delta field leads
 * back to the previous pool (0 ends the chain). With feature bit 0 set, integers are LEB128-style varints, else
 * fixed big-endian.
 */
final class ChunkLayout {
    static final int HEADER_LENGTH = 68;
    /** Where the header holds the chunk's start time (nanoseconds since the epoch). */
    static final int START_NANOS = 32;
    static final long METADATA = 0;
    static final long CONSTANT_POOL = 1;

    /** A problem at a byte of the file (an absolute offset). */
    static final class LayoutException extends Exception {
        LayoutException(String problem) {
            super(problem);
        }
    }

    private final ByteBuffer chunk;
    private final long fileOffset;
    private final long size;

    private ChunkLayout(ByteBuffer chunk, long fileOffset) {
        this.chunk = chunk;
        this.fileOffset = fileOffset;
        this.size = chunk.limit();
    }

    /**
     * Checks the header, the metadata event and the constant pools' chain of the chunk held in {@code chunk} (its first
     * byte at index 0, its limit the chunk's size, which the caller has checked against the file), which starts at byte
     * {@code fileOffset} of the file: what a parser follows before it reads any event. Each event's size is checked
     * by whatever walks the events ({@link #countEvents}, or the bulk reader's dispatch, both through
     * {@link EventHeaders}).
     */
    static void check(ByteBuffer chunk, long fileOffset) throws LayoutException {
        new ChunkLayout(chunk, fileOffset).check();
    }

    /** Walks every event from the header to the chunk's end, checking each size; how many there are of each type. */
    static EventCounts countEvents(ByteBuffer chunk, long fileOffset) throws LayoutException {
        ChunkLayout layout = new ChunkLayout(chunk, fileOffset);
        return layout.countEvents(new EventHeaders(chunk, fileOffset, compressedIntegers(chunk)));
    }

    /** Whether the chunk's integers are varints (feature bit 0 of the header). */
    static boolean compressedIntegers(ByteBuffer chunk) {
        return (chunk.getInt(64) & 1) != 0;
    }

    private void check() throws LayoutException {
        if (size < HEADER_LENGTH) {
            throw new LayoutException("the chunk at byte " + fileOffset + " is " + size
                    + " bytes long, shorter than its own " + HEADER_LENGTH + "-byte header");
        }
        int major = chunk.getShort(4) & 0xFFFF;
        int minor = chunk.getShort(6) & 0xFFFF;
        if (major != 1 && major != 2) {
            throw new LayoutException("unsupported JFR format version " + major + "." + minor + " at byte "
                    + (fileOffset + 4) + " (versions 1 and 2 are known)");
        }
        long constantPools = chunk.getLong(16);
        long metadata = chunk.getLong(24);
        EventHeaders events = new EventHeaders(chunk, fileOffset, compressedIntegers(chunk));
        if (constantPools != 0) {
            requireInBody(constantPools, "constant pool offset", 16);
        }
        requireInBody(metadata, "metadata offset", 24);
        requireType(events, metadata, METADATA, "the metadata event (offset at byte " + (fileOffset + 24) + ")");
        if (constantPools != 0) {
            checkConstantPools(events, constantPools);
        }
    }

    private void requireInBody(long offset, String what, int fieldAt) throws LayoutException {
        if (offset < HEADER_LENGTH || offset >= size) {
            throw new LayoutException("the " + what + " " + offset + " at byte " + (fileOffset + fieldAt)
                    + " points outside the chunk's " + size + " bytes");
        }
    }

    /** Every event from the header to the chunk's end: each size must land inside the chunk, and one must be metadata. */
    private EventCounts countEvents(EventHeaders events) throws LayoutException {
        EventCounts counts = new EventCounts();
        events.moveTo(HEADER_LENGTH);
        while (events.next()) {
            counts.add(events.type());
        }
        if (counts.count(METADATA) == 0) {
            throw new LayoutException("no metadata event between byte " + (fileOffset + HEADER_LENGTH)
                    + " and the chunk's end at byte " + (fileOffset + size));
        }
        return counts;
    }

    /** The constant pools, newest first, each delta leading back to an older one. */
    private void checkConstantPools(EventHeaders events, long first) throws LayoutException {
        long at = first;
        while (true) {
            requireType(events, at, CONSTANT_POOL, "a constant pool");
            events.readLong(); // start time
            events.readLong(); // duration
            long deltaAt = events.fieldPosition();
            long delta = events.readLong();
            if (delta == 0) {
                return;
            }
            long previous = at + delta;
            if (delta > 0 || previous < HEADER_LENGTH) {
                throw new LayoutException("the constant pool at byte " + (fileOffset + at) + " leads to byte "
                        + (fileOffset + previous) + " (delta " + delta + " at byte " + (fileOffset + deltaAt)
                        + "), not to an earlier pool in the chunk");
            }
            at = previous;
        }
    }

    private void requireType(EventHeaders events, long at, long type, String what) throws LayoutException {
        events.moveTo(at);
        if (!events.next()) {
            throw new LayoutException(what + " at byte " + (fileOffset + at) + " is past the chunk's end");
        }
        if (events.type() != type) {
            throw new LayoutException(what + " at byte " + (fileOffset + at) + " has event type " + events.type()
                    + ", not " + type);
        }
    }
}
