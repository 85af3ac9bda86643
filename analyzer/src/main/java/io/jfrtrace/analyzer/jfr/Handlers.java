package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.openjdk.jmc.common.item.IItemIterable;

import one.jfr.event.Event;

/**
 * What the sources of one read pass want from one chunk, by event name (the shape of
 * {@code jdk.jfr.consumer.EventStream.onEvent}). Made anew for each chunk: chunks are read in parallel, each on one
 * thread, so a handler needs no lock for what it collects from its chunk.
 */
final class Handlers {
    /** A bulk event and the names behind its ids. */
    interface BulkHandler<T extends Event> {
        void accept(T event, ChunkSymbols symbols);
    }

    /** {@code fromTicks}: only events that started at or after this time (ticks of the chunk's clock) are decoded. */
    record Bulk<T extends Event>(BulkType<T> type, BulkHandler<T> handler, long fromTicks) {
        @SuppressWarnings("unchecked")
        void dispatch(Event e, ChunkSymbols symbols) {
            handler.accept((T) e, symbols);
        }
    }

    private final Map<String, List<Bulk<?>>> bulk = new LinkedHashMap<>();
    private final Map<String, List<Consumer<IItemIterable>>> jmc = new LinkedHashMap<>();
    private final Map<String, List<Consumer<IItemIterable>>> alongside = new LinkedHashMap<>();
    private final List<Runnable> atEnd = new ArrayList<>();
    private final int chunk;
    private final long chunkStartNanos;
    private final BulkChunk metadata;

    /** {@code metadata}: the chunk's types as the bulk reader read them, null for a chunk it does not read. */
    Handlers(int chunk, long chunkStartNanos, BulkChunk metadata) {
        this.chunk = chunk;
        this.chunkStartNanos = chunkStartNanos;
        this.metadata = metadata;
    }

    /** Whether the chunk's metadata declares an event type of this name (the writer knew it, if it wrote none). */
    boolean declares(String eventName) {
        return metadata != null && metadata.declares(eventName);
    }

    /** Whether the chunk's metadata declares this field of this event type. */
    boolean declares(String eventName, String field) {
        return metadata != null && metadata.declares(eventName, field);
    }

    /** The name of an event type by the id this chunk gives it, or null. */
    String typeName(long typeId) {
        return metadata == null ? null : metadata.name(typeId);
    }

    /** Which chunk of the file (from 0) these handlers are for. */
    int chunk() {
        return chunk;
    }

    /** When the chunk began (nanoseconds since the epoch, from its header). */
    long chunkStartNanos() {
        return chunkStartNanos;
    }

    /** Events the bulk reader decodes (jfr-trace's own, the JVM's samples). */
    <T extends Event> Handlers on(BulkType<T> type, BulkHandler<T> handler) {
        return on(type, handler, Long.MIN_VALUE);
    }

    /**
     * Like {@link #on(BulkType, BulkHandler)}, for the events that started at or after {@code fromTicks} only: the
     * others are stepped over after their first field (every event starts with its start time), not decoded.
     */
    <T extends Event> Handlers on(BulkType<T> type, BulkHandler<T> handler, long fromTicks) {
        bulk.computeIfAbsent(type.name(), k -> new ArrayList<>()).add(new Bulk<>(type, handler, fromTicks));
        return this;
    }

    /**
     * Any event, decoded by JMC from the chunk's metadata, one type's events of the chunk at a time. JMC loads a chunk
     * only if it holds an event of a type registered here (it materialises every event of the chunk).
     */
    Handlers onAny(String eventName, Consumer<IItemIterable> handler) {
        jmc.computeIfAbsent(eventName, k -> new ArrayList<>()).add(handler);
        return this;
    }

    /**
     * Like {@link #onAny}, but this type alone never makes JMC load a chunk: it is delivered from the chunks loaded for
     * another type (context, such as the JVM flags that every chunk repeats).
     */
    Handlers alongside(String eventName, Consumer<IItemIterable> handler) {
        alongside.computeIfAbsent(eventName, k -> new ArrayList<>()).add(handler);
        return this;
    }

    /** Runs when the chunk's events have all been handled, on the chunk's thread, while its symbols are still valid. */
    Handlers atEnd(Runnable action) {
        atEnd.add(action);
        return this;
    }

    Map<String, List<Bulk<?>>> bulk() {
        return bulk;
    }

    Map<String, List<Consumer<IItemIterable>>> jmc() {
        return jmc;
    }

    List<Consumer<IItemIterable>> jmcHandlers(String eventName) {
        List<Consumer<IItemIterable>> out = new ArrayList<>(jmc.getOrDefault(eventName, List.of()));
        out.addAll(alongside.getOrDefault(eventName, List.of()));
        return out;
    }

    void end() {
        atEnd.forEach(Runnable::run);
    }
}
