package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * Reads a .jfr file one chunk at a time with the JMC parser, so that memory is bounded by the
 * largest chunk rather than by the file (JMC materialises every event it loads).
 */
public final class ChunkedRecording {
    static {
        // JMC 9.1 logs a warning per chunk of JDK 25 files (an unknown 'virtual' field): not the user's concern.
        Logger.getLogger("org.openjdk.jmc.flightrecorder").setLevel(Level.OFF);
    }

    /** One chunk's events, grouped by type as JMC delivers them. */
    public interface ChunkVisitor {
        void visit(Iterable<IItemIterable> eventsByType) throws IOException;
    }

    private final Path file;
    private final List<Long> chunkOffsets;
    private final List<Long> chunkSizes;

    private ChunkedRecording(Path file, List<Long> chunkOffsets, List<Long> chunkSizes) {
        this.file = file;
        this.chunkOffsets = chunkOffsets;
        this.chunkSizes = chunkSizes;
    }

    /** Validates the chunk structure of {@code file} without parsing events. */
    public static ChunkedRecording open(Path file) throws RecordingException {
        if (!Files.isRegularFile(file)) {
            throw new RecordingException(file, Files.isDirectory(file) ? "a directory, not a recording"
                    : Files.exists(file) ? "not a regular file" : "no such file");
        }
        List<Long> offsets = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length == 0) {
                throw new RecordingException(file, "empty file, not a JFR recording");
            }
            long pos = 0;
            while (pos < length) {
                ByteBuffer head = ByteBuffer.allocate(ChunkHeader.MIN_LENGTH).order(ByteOrder.BIG_ENDIAN);
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
                pos += header.size();
            }
        } catch (RecordingException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new RecordingException(file, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw new RecordingException(file, "cannot read: " + e.getMessage(), e);
        }
        return new ChunkedRecording(file, offsets, sizes);
    }

    public Path file() {
        return file;
    }

    public int chunkCount() {
        return chunkOffsets.size();
    }

    /**
     * Parses each chunk in file order and hands its events to {@code visitor}, then drops them. A chunk whose layout
     * or data is broken fails with a one-line {@link RecordingException} naming the chunk's bytes (and the exact byte
     * where the layout check finds it).
     */
    public void forEachChunk(ChunkVisitor visitor) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < chunkOffsets.size(); i++) {
                long offset = chunkOffsets.get(i);
                long size = chunkSizes.get(i);
                String where = " (chunk " + (i + 1) + ", bytes " + offset + "-" + (offset + size - 1) + ")";
                try {
                    ChunkLayout.check(ch, offset, size);
                } catch (ChunkLayout.LayoutException e) {
                    throw new RecordingException(file, "corrupt recording: " + e.getMessage() + where);
                }
                IItemCollection events;
                try (var in = new ChannelRangeInputStream(ch, offset, size)) {
                    events = JfrLoaderToolkit.loadEvents(in);
                } catch (CouldNotLoadRecordingException | IOException | RuntimeException e) {
                    throw new RecordingException(file, "corrupt recording: unreadable event data: " + parserProblem(e) + where, e);
                } catch (OutOfMemoryError e) {
                    // One failed allocation, now released: a length field asking for gigabytes.
                    throw new RecordingException(file, "corrupt recording or a chunk too big for the heap: loading it ran "
                            + "out of memory" + where, e);
                }
                RecordingSchema.check(file, events);
                try {
                    visitor.visit(events);
                } catch (IllegalArgumentException e) { // a number or name that parsed but makes no sense
                    throw new RecordingException(file, "corrupt recording: unexpected event content: " + problem(e) + where, e);
                }
            }
        }
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
    private static String parserProblem(Exception e) {
        return e instanceof RuntimeException ? "malformed data the parser cannot follow" : problem(e);
    }
}
