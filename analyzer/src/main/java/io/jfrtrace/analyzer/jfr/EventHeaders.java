package io.jfrtrace.analyzer.jfr;

import java.nio.ByteBuffer;

/**
 * Steps through the events of one chunk by their headers (size, then type), checking that each size lands inside the
 * chunk: what {@link ChunkLayout} validates and what the bulk reader dispatches on. It reads no event's fields beyond
 * the few longs {@link #readLong} is asked for; decoding events is the parsers' work.
 */
final class EventHeaders {
    private final ByteBuffer chunk;
    /** The chunk's bytes when it is a heap buffer (what the analyzer loads): read without ByteBuffer's checks. */
    private final byte[] array;
    private final int arrayOffset;
    private final long fileOffset;
    private final int end;
    private final boolean compressed;
    private int next;
    private int start;
    private int size;
    private long type;
    private int field;

    EventHeaders(ByteBuffer chunk, long fileOffset, boolean compressed) {
        this.chunk = chunk;
        this.array = chunk.hasArray() ? chunk.array() : null;
        this.arrayOffset = chunk.hasArray() ? chunk.arrayOffset() : 0;
        this.fileOffset = fileOffset;
        this.end = chunk.limit();
        this.compressed = compressed;
    }

    /**
     * The size and type an event's header claims, from its first bytes in {@code head} (from index 0), without the
     * checks {@link #next} makes against a whole chunk; null if those bytes do not hold both fields.
     */
    static long[] claimedHeader(ByteBuffer head, boolean compressed) {
        if (!compressed) {
            return head.remaining() >= 12 ? new long[] {head.getInt(0), head.getLong(4)} : null;
        }
        long[] out = new long[2];
        int at = 0;
        for (int field = 0; field < 2; field++) {
            long v = 0;
            for (int i = 0; ; i++) {
                if (at >= head.remaining() || i == 9) {
                    return null;
                }
                int b = head.get(at++);
                v |= (long) (b & 0x7F) << (7 * i);
                if (b >= 0) {
                    break;
                }
            }
            out[field] = v;
        }
        return out;
    }

    /** The next {@link #next} reads the event at this offset of the chunk. */
    void moveTo(long offset) {
        next = (int) offset;
    }

    /** Reads the header of the next event; false at the chunk's end. */
    boolean next() throws ChunkLayout.LayoutException {
        if (next >= end) {
            return false;
        }
        start = next;
        field = start;
        long claimed = readInt();
        type = readLong();
        if (claimed < field - start) {
            throw new ChunkLayout.LayoutException("the event at byte " + (fileOffset + start) + " claims " + claimed
                    + " bytes, less than its own size and type");
        }
        if (start + claimed > end) {
            throw new ChunkLayout.LayoutException("the event at byte " + (fileOffset + start) + " claims " + claimed
                    + " bytes, past the chunk's end at byte " + (fileOffset + end));
        }
        size = (int) claimed;
        next = start + size;
        return true;
    }

    /** The current event's offset in the chunk. */
    int start() {
        return start;
    }

    int size() {
        return size;
    }

    long type() {
        return type;
    }

    /** Where {@link #readLong} reads next (an offset in the chunk). */
    long fieldPosition() {
        return field;
    }

    /** The current event's next integer field. */
    long readLong() throws ChunkLayout.LayoutException {
        if (compressed) {
            return varint();
        }
        need(8);
        long v = chunk.getLong(field);
        field += 8;
        return v;
    }

    private long readInt() throws ChunkLayout.LayoutException {
        if (compressed) {
            return (int) varint();
        }
        need(4);
        long v = chunk.getInt(field);
        field += 4;
        return v;
    }

    private void need(int bytes) throws ChunkLayout.LayoutException {
        if (field + bytes > end) {
            throw pastEnd(field);
        }
    }

    /** Seven bits a byte, least significant first, the ninth byte whole (as the JDK writes them). */
    private long varint() throws ChunkLayout.LayoutException {
        if (array != null && field + 9 <= end) { // all nine bytes inside the chunk: no check per byte
            return arrayVarint();
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = byteAt(field++);
            v |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                return v;
            }
        }
        return v | (long) byteAt(field++) << 56;
    }

    private long arrayVarint() {
        int at = arrayOffset + field;
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = array[at++];
            v |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                field = at - arrayOffset;
                return v;
            }
        }
        v |= (long) (array[at++] & 0xFF) << 56;
        field = at - arrayOffset;
        return v;
    }

    private int byteAt(int pos) throws ChunkLayout.LayoutException {
        if (pos >= end) {
            throw pastEnd(pos - 1);
        }
        return chunk.get(pos) & 0xFF;
    }

    private ChunkLayout.LayoutException pastEnd(int at) {
        return new ChunkLayout.LayoutException("a number at byte " + (fileOffset + at) + " runs past the chunk's end at byte "
                + (fileOffset + end));
    }
}
