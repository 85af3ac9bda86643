package io.jfrtrace.analyzer.jfr;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import one.jfr.MetadataAccess;
import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * One chunk through async-profiler's {@code one.jfr.JfrReader}: it reads the chunk's metadata and constant pools, and
 * decodes one event when asked. The event loop is the chunk's event headers ({@link EventHeaders}, as
 * {@link ChunkLayout} checked them): an event of a type nobody registered is stepped over by its size without a byte of
 * it decoded, and each event handed to a handler is the one its header names, so JVM types that the reader gives one
 * class (an allocation sample, an allocation outside a TLAB) stay apart.
 */
final class BulkChunk {
    private final ChunkedRecording recording;
    private final ChunkedRecording.LoadedChunk chunk;
    private final ByteBuffer readerBuffer;
    private final JfrReader reader;
    /** Type id → name, from the chunk's metadata. */
    private final Map<Long, String> names = new HashMap<>();

    private BulkChunk(ChunkedRecording recording, ChunkedRecording.LoadedChunk chunk, ByteBuffer readerBuffer,
            JfrReader reader) {
        this.recording = recording;
        this.chunk = chunk;
        this.readerBuffer = readerBuffer;
        this.reader = reader;
        reader.typesByName.forEach((name, type) -> names.put(MetadataAccess.id(type), name));
    }

    /** The reader over a chunk of format 2 (JDK 14 and later); null for format 1, which it does not read. */
    static BulkChunk open(ChunkedRecording recording, ChunkedRecording.LoadedChunk chunk) throws RecordingException {
        if ((chunk.bytes().getShort(4) & 0xFFFF) != 2) {
            return null;
        }
        ByteBuffer buffer = chunk.padded();
        try {
            return new BulkChunk(recording, chunk, buffer, new JfrReader(buffer));
        } catch (Exception | OutOfMemoryError e) {
            throw recording.unreadable(chunk.index(), e);
        }
    }

    /** The name of a type id of this chunk, or null. */
    String name(long typeId) {
        return names.get(typeId);
    }

    /** Whether the chunk's metadata declares a type of this name (its events may still be none). */
    boolean declares(String typeName) {
        return reader.typesByName.containsKey(typeName);
    }

    /** Whether the chunk's metadata declares this field of this type. */
    boolean declares(String typeName, String field) {
        return OurEvents.declares(reader, typeName, field);
    }

    /** Whether the chunk holds an event of a type of this name. */
    boolean holds(Iterable<String> typeNames) throws RecordingException {
        for (Map.Entry<Long, String> e : names.entrySet()) {
            for (String wanted : typeNames) {
                if (wanted.equals(e.getValue()) && chunk.counts().count(e.getKey()) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Decodes the events the handlers want and hands each to its handlers, in file order; decodes the chunk's
     * configuration events ({@link CheckedEvents}) to check them.
     */
    void dispatch(Map<String, List<Handlers.Bulk<?>>> handlers) throws RecordingException {
        Targets targets = new Targets();
        for (Map.Entry<Long, String> e : names.entrySet()) {
            List<Handlers.Bulk<?>> wanted = handlers.get(e.getValue());
            if (wanted != null && wanted.get(0).type().flat()) {
                targets.put(e.getKey(), new Flat(wanted, CheckedEvents.layout(reader, reader.typesByName.get(e.getValue()))));
            } else if (wanted != null) {
                targets.put(e.getKey(), wanted);
                for (Handlers.Bulk<?> h : wanted) {
                    if (h.type().ours()) {
                        reader.registerEvent(h.type().name(), h.type().decodedAs());
                    }
                }
            } else if (CheckedEvents.TYPES.contains(e.getValue())) {
                reader.registerEvent(e.getValue(), CheckedEvents.Checked.class);
                targets.put(e.getKey(), CheckedEvents.layout(reader, reader.typesByName.get(e.getValue())));
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        OurEvents.prepare(reader);
        ChunkSymbols symbols = new ChunkSymbols(reader);
        EventHeaders headers = new EventHeaders(chunk.bytes().duplicate(), chunk.fileOffset(), true);
        headers.moveTo(ChunkLayout.HEADER_LENGTH);
        EventCounts counts = new EventCounts();
        while (next(headers)) {
            long type = headers.type();
            counts.add(type);
            Object target = targets.get(type);
            if (target == null) {
                continue;
            }
            if (target instanceof CheckedEvents.Layout layout) {
                CheckedEvents.expect(layout);
                decode(headers, CheckedEvents.Checked.class);
                continue;
            }
            if (target instanceof Flat flat) {
                FlatEvent e = decodeFlat(headers, flat.layout());
                for (Handlers.Bulk<?> h : flat.wanted()) {
                    h.dispatch(e, symbols);
                }
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Handlers.Bulk<?>> wanted = (List<Handlers.Bulk<?>>) target;
            if (wanted.get(0).fromTicks() != Long.MIN_VALUE && startTicks(headers) < earliest(wanted)) {
                continue;
            }
            Event e = decode(headers, wanted.get(0).type().decodedAs());
            try {
                for (int i = 0; i < wanted.size(); i++) { // no iterator: this runs once per event, millions of times
                    wanted.get(i).dispatch(e, symbols);
                }
            } catch (IllegalArgumentException bad) { // a value that decoded but makes no sense
                throw recording.unexpectedContent(chunk.index(), bad);
            }
        }
        if (counts.count(ChunkLayout.METADATA) > 0) {
            chunk.counted(counts);
        }
    }

    /** A type read flat, and who wants its events. */
    private record Flat(List<Handlers.Bulk<?>> wanted, CheckedEvents.Layout layout) {
    }

    /** The event whose header {@code headers} has just read, field by field ({@link FlatEvent}). */
    private FlatEvent decodeFlat(EventHeaders headers, CheckedEvents.Layout layout) throws RecordingException {
        readerBuffer.position((int) headers.fieldPosition());
        List<Object> values;
        try {
            values = CheckedEvents.values(reader, layout);
        } catch (Exception | OutOfMemoryError bad) {
            throw recording.unreadable(chunk.index(), bad);
        }
        if (readerBuffer.position() > headers.start() + headers.size()) {
            throw recording.unreadable(chunk.index(), new IllegalStateException("an event ran past its size"));
        }
        return new FlatEvent(layout, values);
    }

    /** What to do with an event, by its type id: its handlers, or a layout to check it by; an array for small ids. */
    private static final class Targets {
        private final Object[] small = new Object[1024];
        private final Map<Long, Object> large = new HashMap<>();
        private boolean empty = true;

        void put(long type, Object target) {
            empty = false;
            if (type >= 0 && type < small.length) {
                small[(int) type] = target;
            } else {
                large.put(type, target);
            }
        }

        Object get(long type) {
            return type >= 0 && type < small.length ? small[(int) type] : large.isEmpty() ? null : large.get(type);
        }

        boolean isEmpty() {
            return empty;
        }
    }

    /** The start time of the event whose header was just read: its first field. */
    private long startTicks(EventHeaders headers) throws RecordingException {
        try {
            return headers.readLong();
        } catch (ChunkLayout.LayoutException e) {
            throw recording.corrupt(chunk.index(), e);
        }
    }

    private static long earliest(List<Handlers.Bulk<?>> wanted) {
        long min = Long.MAX_VALUE;
        for (Handlers.Bulk<?> h : wanted) {
            min = Math.min(min, h.fromTicks());
        }
        return min;
    }

    private boolean next(EventHeaders headers) throws RecordingException {
        try {
            return headers.next();
        } catch (ChunkLayout.LayoutException e) { // ChunkLayout has walked the same headers: not expected
            throw new RecordingException(recording.file(), "corrupt recording: " + e.getMessage()
                    + recording.where(chunk.index()));
        }
    }

    /** The event whose header {@code headers} has just read, as the reader decodes it. */
    private Event decode(EventHeaders headers, Class<? extends Event> as) throws RecordingException {
        readerBuffer.position(headers.start());
        Event e;
        try {
            e = reader.readEvent(as);
        } catch (Exception | OutOfMemoryError bad) {
            throw recording.unreadable(chunk.index(), bad);
        }
        int after = readerBuffer.position();
        if (e == null || e.getClass() != as || after <= headers.start() || after > headers.start() + headers.size()) {
            // The reader stepped past the event the header names: a wrong assumption of this class, not bad data.
            throw new IllegalStateException("the bulk reader did not decode the " + as.getSimpleName() + " at byte "
                    + (chunk.fileOffset() + headers.start()));
        }
        return e;
    }
}
