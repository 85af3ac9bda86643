package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmc.common.item.IItemIterable;

/**
 * A .jfr file as the sequence of its chunks: validated at open (each chunk's magic and size), each chunk then loaded
 * on its own so that memory is bounded by a chunk, not by the file. A chunk is a self-contained recording.
 */
public final class ChunkedRecording {
    /** One chunk's events, grouped by type as JMC delivers them. */
    public interface ChunkVisitor {
        void visit(Iterable<IItemIterable> eventsByType) throws IOException;
    }

    /**
     * Bytes kept free after a loaded chunk: async-profiler's reader wants that many bytes left before it reads an
     * event (room for a next chunk's header), even for the last event of the last chunk.
     */
    static final int PADDING = ChunkLayout.HEADER_LENGTH;

    /** The header's flag of a recording's last chunk (bit 1 of its features; bit 0 says integers are compressed). */
    private static final int FINAL_CHUNK = 2;

    private final Path file;
    private final List<Long> chunkOffsets;
    private final List<Long> chunkSizes;
    /** Per chunk: its start and duration (nanoseconds) and its header's features; null if the header is cut short. */
    private final List<long[]> chunkTimes;
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger buffersAllocated = new AtomicInteger();

    private ChunkedRecording(Path file, List<Long> chunkOffsets, List<Long> chunkSizes, List<long[]> chunkTimes) {
        this.file = file;
        this.chunkOffsets = chunkOffsets;
        this.chunkSizes = chunkSizes;
        this.chunkTimes = chunkTimes;
    }

    /** Validates the chunk structure of {@code file} without parsing events. */
    public static ChunkedRecording open(Path file) throws RecordingException {
        if (!Files.isRegularFile(file)) {
            throw new RecordingException(file, Files.isDirectory(file) ? "a directory, not a recording"
                    : Files.exists(file) ? "not a regular file" : "no such file");
        }
        List<Long> offsets = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length == 0) {
                throw new RecordingException(file, "empty file, not a JFR recording");
            }
            long pos = 0;
            while (pos < length) {
                ByteBuffer head = ByteBuffer.allocate(ChunkLayout.HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN);
                ch.read(head, pos);
                head.flip();
                if (!ChunkHeader.hasMagic(head)) {
                    throw new RecordingException(file, pos == 0
                            ? "not a JFR recording (no FLR magic at the start)"
                            : "corrupt recording: no chunk starts at byte " + pos);
                }
                ChunkHeader header = ChunkHeader.parse(head);
                if (header == null || header.size() < ChunkHeader.MIN_LENGTH) {
                    throw new RecordingException(file, "truncated recording: incomplete chunk header at byte " + pos
                            + " (the recording was cut off or is still being written)");
                }
                if (pos + header.size() > length) {
                    throw new RecordingException(file, "truncated recording: chunk " + (offsets.size() + 1)
                            + " needs " + header.size() + " bytes from byte " + pos + " but the file ends at " + length);
                }
                offsets.add(pos);
                sizes.add(header.size());
                times.add(head.limit() < ChunkLayout.HEADER_LENGTH || header.size() < ChunkLayout.HEADER_LENGTH ? null
                        : new long[] {head.getLong(ChunkLayout.START_NANOS), head.getLong(ChunkLayout.START_NANOS + 8),
                                head.getInt(64)});
                pos += header.size();
            }
        } catch (RecordingException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new RecordingException(file, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw new RecordingException(file, "cannot read: " + e.getMessage(), e);
        }
        return new ChunkedRecording(file, offsets, sizes, times);
    }

    long startNanos(int chunk) {
        long[] t = chunkTimes.get(chunk);
        return t == null ? 0 : t[0];
    }

    long endNanos(int chunk) {
        long[] t = chunkTimes.get(chunk);
        return t == null ? 0 : t[0] + t[1];
    }

    /**
     * The file's recordings as runs of chunks, {@code [first, last]} by index: a chunk continues the one before if it
     * began when that one ended (JFR starts a chunk at the very nanosecond it ends the previous one) and that one was
     * not its recording's last (the header's final flag). Files concatenated make several; a copy of the same file
     * concatenated again is another. Within one, the chunks are one JVM's.
     */
    List<int[]> recordings() {
        List<int[]> out = new ArrayList<>();
        int first = 0;
        for (int i = 1; i < chunkTimes.size(); i++) {
            long[] before = chunkTimes.get(i - 1);
            long[] here = chunkTimes.get(i);
            boolean continues = before != null && here != null && (before[2] & FINAL_CHUNK) == 0
                    && here[0] == before[0] + before[1];
            if (!continues) {
                out.add(new int[] {first, i - 1});
                first = i;
            }
        }
        if (!chunkTimes.isEmpty()) {
            out.add(new int[] {first, chunkTimes.size() - 1});
        }
        return out;
    }

    public Path file() {
        return file;
    }

    public int chunkCount() {
        return chunkOffsets.size();
    }

    long size(int chunk) {
        return chunkSizes.get(chunk);
    }

    /** How many chunks {@link #load} has loaded. */
    int loads() {
        return loads.get();
    }

    /** How many buffers {@link #load} has allocated. */
    int buffersAllocated() {
        return buffersAllocated.get();
    }

    long largestChunk() {
        long max = 0;
        for (long s : chunkSizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    /**
     * Whether the chunk's metadata may declare a type of this (ASCII) name: whether its bytes hold the name's, a
     * quick look before a reader is asked to parse the chunk (true whenever the metadata cannot be looked at).
     * Metadata strings are written whole (UTF-8, Latin-1 or, for ASCII, one byte a char), so a name the metadata
     * declares is always found; a false match only costs the parse it would have cost anyway.
     */
    boolean mayDeclare(FileChannel ch, int chunk, String typeName) throws IOException {
        long offset = chunkOffsets.get(chunk);
        long size = chunkSizes.get(chunk);
        ByteBuffer head = ByteBuffer.allocate(ChunkLayout.HEADER_LENGTH);
        if (size < ChunkLayout.HEADER_LENGTH || ch.read(head, offset) < ChunkLayout.HEADER_LENGTH) {
            return true;
        }
        long metadata = head.getLong(24);
        if (metadata < ChunkLayout.HEADER_LENGTH || metadata >= size) {
            return true;
        }
        ByteBuffer headerBytes = ByteBuffer.allocate(18);
        ch.read(headerBytes, offset + metadata);
        long[] header = EventHeaders.claimedHeader(headerBytes.flip(), ChunkLayout.compressedIntegers(head));
        if (header == null || header[1] != ChunkLayout.METADATA) {
            return true; // not what the header says: the reader's layout check will say what is wrong
        }
        long claimed = header[0];
        if (claimed <= 0 || claimed > size - metadata || claimed > 16 << 20) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) claimed);
        while (bytes.hasRemaining() && ch.read(bytes, offset + metadata + bytes.position()) > 0) {
            // read on
        }
        byte[] name = typeName.getBytes(StandardCharsets.US_ASCII);
        byte[] b = bytes.array();
        outer:
        for (int i = 0; i + name.length <= bytes.position(); i++) {
            for (int j = 0; j < name.length; j++) {
                if (b[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** How messages name a chunk: its number and its bytes in the file. */
    String where(int chunk) {
        long offset = chunkOffsets.get(chunk);
        return " (chunk " + (chunk + 1) + ", bytes " + offset + "-" + (offset + chunkSizes.get(chunk) - 1) + ")";
    }

    /**
     * Loads chunk {@code index} into {@code into} (or a new buffer if null or too small) and checks its layout. The
     * returned buffer holds the chunk from index 0 to its limit, then {@link #PADDING} zero bytes of capacity.
     */
    LoadedChunk load(FileChannel ch, int index, ByteBuffer into) throws IOException {
        long offset = chunkOffsets.get(index);
        long size = chunkSizes.get(index);
        if (size > Integer.MAX_VALUE - PADDING) {
            throw new RecordingException(file, "a chunk of " + size + " bytes is too big to read" + where(index));
        }
        // A new buffer fits the file's largest chunk, so that a thread allocates one, not one per chunk that is larger
        // than the last (a chunk is a humongous array for the collector, costly to make and to drop).
        loads.incrementAndGet();
        ByteBuffer buffer = into != null && into.capacity() >= size + PADDING ? into.clear() : null;
        if (buffer == null) {
            buffersAllocated.incrementAndGet();
            buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - PADDING, largestChunk()) + PADDING);
        }
        buffer.limit((int) size);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, offset + buffer.position()) < 0) {
                throw new RecordingException(file, "cannot read: the file ended while reading" + where(index));
            }
        }
        buffer.limit((int) size + PADDING);
        for (int i = (int) size; i < buffer.limit(); i++) {
            buffer.put(i, (byte) 0);
        }
        buffer.position(0).limit((int) size);
        try {
            ChunkLayout.check(buffer.duplicate(), offset);
        } catch (ChunkLayout.LayoutException e) {
            throw corrupt(index, e);
        }
        return new LoadedChunk(this, index, offset, buffer);
    }

    RecordingException corrupt(int chunk, ChunkLayout.LayoutException e) {
        return new RecordingException(file, "corrupt recording: " + e.getMessage() + where(chunk));
    }

    /** A chunk in memory: {@code bytes} from index 0 to its limit, with {@link #PADDING} bytes of capacity after it. */
    static final class LoadedChunk {
        private final ChunkedRecording recording;
        private final int index;
        private final long fileOffset;
        private final ByteBuffer bytes;
        private EventCounts counts;

        LoadedChunk(ChunkedRecording recording, int index, long fileOffset, ByteBuffer bytes) {
            this.recording = recording;
            this.index = index;
            this.fileOffset = fileOffset;
            this.bytes = bytes;
        }

        int index() {
            return index;
        }

        long fileOffset() {
            return fileOffset;
        }

        ByteBuffer bytes() {
            return bytes;
        }

        /** The counts a walk over every event made on its way (the bulk reader's dispatch). */
        void counted(EventCounts walked) {
            counts = walked;
        }

        /** How many events of each type the chunk holds: a walk over every event, unless one already counted them. */
        EventCounts counts() throws RecordingException {
            if (counts == null) {
                try {
                    counts = ChunkLayout.countEvents(bytes.duplicate(), fileOffset);
                } catch (ChunkLayout.LayoutException e) {
                    throw recording.corrupt(index, e);
                }
            }
            return counts;
        }

        /** The chunk and its padding, for a reader that looks ahead. */
        ByteBuffer padded() {
            return bytes.duplicate().limit(bytes.limit() + PADDING);
        }
    }

    /**
     * Parses each chunk in file order with JMC and hands its events to {@code visitor}, then drops them. A chunk whose
     * layout or data is broken fails with a one-line {@link RecordingException} naming the chunk's bytes (and the exact
     * byte where the layout check finds it).
     */
    public void forEachChunk(ChunkVisitor visitor) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer scratch = null;
            for (int i = 0; i < chunkCount(); i++) {
                LoadedChunk chunk = load(ch, i, scratch);
                scratch = chunk.bytes();
                chunk.counts(); // every event's size checked before JMC steps by them
                Iterable<IItemIterable> events = JmcChunk.parse(this, chunk);
                RecordingSchema.check(file, events);
                try {
                    visitor.visit(events);
                } catch (IllegalArgumentException e) { // a number or name that parsed but makes no sense
                    throw unexpectedContent(i, e);
                }
            }
        }
    }

    /** A value that parsed but makes no sense (a class constant without a name). */
    RecordingException unexpectedContent(int chunk, RuntimeException e) {
        return new RecordingException(file, "corrupt recording: unexpected event content: " + problem(e) + where(chunk), e);
    }

    /** A parser's failure on the chunk's data, in one line. */
    RecordingException unreadable(int chunk, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            // One failed allocation, now released: a length field asking for gigabytes.
            return new RecordingException(file, "corrupt recording or a chunk too big for the heap: loading it ran "
                    + "out of memory" + where(chunk), e);
        }
        return new RecordingException(file, "corrupt recording: unreadable event data: " + parserProblem(e) + where(chunk), e);
    }

    /** The parser's own words, first line only; its exception types mean nothing to a user. */
    private static String problem(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank()) {
            return m.lines().findFirst().orElse("").strip();
        }
        return "malformed data";
    }

    /** The parser's message for what it checks itself; for its runtime failures (a bad index, a null), none. */
    private static String parserProblem(Throwable e) {
        return e instanceof RuntimeException ? "malformed data the parser cannot follow" : problem(e);
    }
}
