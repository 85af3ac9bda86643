package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import org.openjdk.jmc.common.item.IItemIterable;

/**
 * One pass over a recording: each chunk is loaded once, checked ({@link ChunkLayout}), and its events go to the
 * handlers the sources registered by name. Events of jfr-trace's own types and the JVM's samples are decoded by the bulk
 * reader ({@link BulkChunk}); any other event by JMC ({@link JmcChunk}), and only in chunks that hold one. Chunks are
 * independent, so they are read on all cores; the sources get their parts back in file order.
 */
final class Recording {
    /** Chunks loaded or waiting to be merged per reading thread: bounds what the parts hold at once. */
    private static final int AHEAD_PER_THREAD = 2;

    /**
     * Chunk bytes held at once, at most (or one chunk, when a chunk is larger): each reading thread holds the chunk it
     * reads, and the last chunk stays for the next pass. A file of large chunks is therefore read on one thread, so
     * that the memory a read needs does not grow with the file; a file of the JVM's usual chunks (about 12 MB) still
     * uses every core.
     */
    static final long CHUNK_MEMORY = 64L << 20;

    /**
     * Chunk bytes a pass reads per thread, at least: a second reading thread doubles what a read holds at once (its
     * chunk and the part its sources build), so it starts only when it has that much to read, about a tenth of a
     * second's work here. A call profile's last checkpoint in each of a few recordings is then read on one thread.
     */
    static final long BYTES_PER_THREAD = 32L << 20;

    private final ChunkedRecording chunks;
    private long chunkMemory = CHUNK_MEMORY;
    private long bytesPerThread = BYTES_PER_THREAD;
    private volatile Cached cached;
    private ReadProgress progress = ReadProgress.NONE;

    private Recording(ChunkedRecording chunks) {
        this.chunks = chunks;
    }

    /** Checks the file's chunk structure (no event is read yet). */
    static Recording open(Path file) throws RecordingException {
        return new Recording(ChunkedRecording.open(file));
    }

    Path file() {
        return chunks.file();
    }

    /** Who hears of the chunks each later pass reads. */
    Recording progress(ReadProgress progress) {
        this.progress = progress;
        return this;
    }

    int chunkCount() {
        return chunks.chunkCount();
    }

    /** Other bounds than {@link #CHUNK_MEMORY} and {@link #BYTES_PER_THREAD} (tests, with small chunks). */
    Recording bounds(long chunkMemory, long bytesPerThread) {
        this.chunkMemory = chunkMemory;
        this.bytesPerThread = bytesPerThread;
        return this;
    }

    /** How many chunk buffers the passes so far have allocated (each as large as the file's largest chunk). */
    int buffersAllocated() {
        return chunks.buffersAllocated();
    }

    /** How many chunks the passes so far have loaded from the file. */
    int loads() {
        return chunks.loads();
    }

    /** The file's recordings as runs of chunks (see {@link ChunkedRecording#recordings}). */
    List<int[]> recordings() {
        return chunks.recordings();
    }

    /** When a chunk began, nanoseconds since the epoch (from its header; 0 if cut short). */
    long startNanos(int chunk) {
        return chunks.startNanos(chunk);
    }

    /** When a chunk ended. */
    long endNanos(int chunk) {
        return chunks.endNanos(chunk);
    }

    /** Whether some chunk's metadata may declare a type of this name (see {@link ChunkedRecording#mayDeclare}). */
    boolean mayDeclare(String typeName) throws IOException {
        try (FileChannel ch = FileChannel.open(chunks.file(), StandardOpenOption.READ)) {
            for (int i = 0; i < chunks.chunkCount(); i++) {
                if (chunks.mayDeclare(ch, i, typeName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reads every chunk for {@code sources}. */
    void read(List<? extends Source<?>> sources) throws IOException {
        read(chunk -> true, sources);
    }

    /** Reads the chunks {@code which} selects (by index, from 0) for {@code sources}. */
    void read(IntPredicate which, List<? extends Source<?>> sources) throws IOException {
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < chunks.chunkCount(); i++) {
            if (which.test(i)) {
                selected.add(i);
            }
        }
        // Buffers beside the kept last chunk that the bound allows, and threads the work is worth: one at least.
        long buffers = Math.max(1, chunkMemory / Math.max(1, chunks.largestChunk() + ChunkedRecording.PADDING) - 1);
        long bytes = 0;
        for (int i : selected) {
            bytes += chunks.size(i);
        }
        long worth = Math.max(1, bytes / bytesPerThread);
        int threads = (int) Math.min(Math.min(buffers, worth),
                Math.min(selected.size(), Runtime.getRuntime().availableProcessors()));
        try (FileChannel ch = FileChannel.open(chunks.file(), StandardOpenOption.READ)) {
            if (threads <= 1) {
                readOneByOne(ch, selected, sources);
            } else {
                readInParallel(ch, selected, sources, threads);
            }
        }
    }

    /**
     * Reads the chunks on this thread, with one buffer across passes: the chunk kept from the last pass first, so that
     * its buffer then serves the others (its parts wait for their turn: sources take parts in file order), and the one
     * read last is kept; when the bound leaves no room for a kept chunk this pass does not read, its buffer is taken.
     */
    private void readOneByOne(FileChannel ch, List<Integer> selected, List<? extends Source<?>> sources)
            throws IOException {
        List<Integer> order = new ArrayList<>(selected);
        ByteBuffer scratch = null;
        Cached kept = cached;
        if (kept != null && order.remove((Integer) kept.index())) {
            order.add(0, kept.index());
        } else if (kept != null && 2 * (chunks.largestChunk() + ChunkedRecording.PADDING) > chunkMemory) {
            cached = null;
            scratch = kept.chunk().bytes();
        }
        Map<Integer, List<Object>> waiting = new HashMap<>();
        int merged = 0;
        for (int k = 0; k < order.size(); k++) {
            ChunkResult r = readChunk(ch, order.get(k), sources, scratch, k == order.size() - 1);
            scratch = r.buffer;
            waiting.put(order.get(k), r.parts);
            while (merged < selected.size() && waiting.containsKey(selected.get(merged))) {
                merge(sources, waiting.remove(selected.get(merged)));
                progress.chunksRead(++merged, selected.size());
            }
        }
    }

    private void readInParallel(FileChannel ch, List<Integer> selected, List<? extends Source<?>> sources, int threads)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jfr-trace reader");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<ByteBuffer> scratch = new ThreadLocal<>();
        try {
            // The last chunk first: it is the one JMC may have to read too (the JVM writes its old-object samples when
            // a recording ends), which then runs beside the other chunks instead of after them.
            List<Integer> order = new ArrayList<>(selected);
            order.add(0, order.remove(order.size() - 1));
            Map<Integer, Future<ChunkResult>> running = new HashMap<>();
            int submitted = 0;
            int merged = 0;
            for (int index : selected) {
                while (submitted < order.size() && running.size() < threads * AHEAD_PER_THREAD
                        || !running.containsKey(index)) {
                    int next = order.get(submitted++);
                    running.put(next, pool.submit(() -> {
                        ChunkResult r = readChunk(ch, next, sources, scratch.get(), next == chunks.chunkCount() - 1);
                        scratch.set(r.buffer);
                        return r;
                    }));
                }
                merge(sources, await(running.remove(index)).parts);
                progress.chunksRead(++merged, selected.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChunkResult await(Future<ChunkResult> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void merge(List<? extends Source<?>> sources, List<Object> parts) {
        for (int s = 0; s < sources.size(); s++) {
            ((Source) sources.get(s)).add(parts.get(s));
        }
    }

    /** The parts of one chunk, and the buffer it was loaded into (for the thread's next chunk). */
    private record ChunkResult(List<Object> parts, ByteBuffer buffer) {
    }

    /** Reads one chunk; {@code keep}: it stays, loaded, for the next pass (which gets its buffer otherwise). */
    private ChunkResult readChunk(FileChannel ch, int index, List<? extends Source<?>> sources, ByteBuffer scratch,
            boolean keep) throws IOException {
        Cached reuse = cached;
        ChunkedRecording.LoadedChunk chunk;
        BulkChunk bulk;
        if (reuse != null && reuse.index() == index) {
            cached = null;
            chunk = reuse.chunk();
            bulk = reuse.bulk();
        } else {
            chunk = chunks.load(ch, index, scratch);
            bulk = openBulk(chunk, sources);
        }
        Handlers handlers = new Handlers(index, chunk.bytes().getLong(ChunkLayout.START_NANOS), bulk);
        List<Object> parts = new ArrayList<>(sources.size());
        for (Source<?> s : sources) {
            parts.add(s.chunk(handlers));
        }
        long[] newest = {0, 0}; // the chunk's schema version: a newer major one fails the read before this chunk's parts reach a source
        if (bulk != null && bulk.declares(OurEvents.RECORDING_INFO.name())) {
            handlers.on(OurEvents.RECORDING_INFO, (info, symbols) -> {
                if (info.schemaVersion > newest[0]) {
                    newest[0] = info.schemaVersion;
                    newest[1] = info.schemaMinorVersion;
                }
            });
        }
        if (bulk != null && !handlers.bulk().isEmpty()) {
            bulk.dispatch(handlers.bulk());
        }
        RecordingSchema.check(file(), newest[0], newest[1]);
        if (!handlers.jmc().isEmpty() && (bulk == null || bulk.holds(handlers.jmc().keySet()))) {
            chunk.counts(); // every event's size checked before JMC steps by them
            dispatchJmc(chunk, handlers);
        }
        handlers.end();
        if (keep) {
            // Kept, loaded and with its constant pools read, for a next pass: in a parallel read the file's last chunk,
            // the one a second pass most likely reads again (a call profile's last checkpoint); in a read one by one,
            // the chunk read last, whose buffer serves that pass. Its buffer is no longer the thread's.
            cached = new Cached(index, chunk, bulk);
            return new ChunkResult(parts, null);
        }
        return new ChunkResult(parts, chunk.bytes());
    }

    /**
     * The bulk reader over a chunk. A pass of JMC handlers only asks it the chunk's type names; if the bulk reader
     * cannot read a chunk JMC may still (a writer it does not know), so for such a pass JMC decides.
     */
    private BulkChunk openBulk(ChunkedRecording.LoadedChunk chunk, List<? extends Source<?>> sources) throws IOException {
        try {
            return BulkChunk.open(chunks, chunk);
        } catch (RecordingException e) {
            Handlers probe = new Handlers(chunk.index(), 0, null);
            for (Source<?> s : sources) {
                s.chunk(probe);
            }
            if (probe.bulk().isEmpty()) {
                return null;
            }
            throw e;
        }
    }

    /** The last chunk as the previous pass left it. */
    private record Cached(int index, ChunkedRecording.LoadedChunk chunk, BulkChunk bulk) {
    }

    private void dispatchJmc(ChunkedRecording.LoadedChunk chunk, Handlers handlers) throws RecordingException {
        for (IItemIterable events : JmcChunk.parse(chunks, chunk)) {
            for (Consumer<IItemIterable> h : handlers.jmcHandlers(events.getType().getIdentifier())) {
                try {
                    h.accept(events);
                } catch (IllegalArgumentException e) { // a number or name that parsed but makes no sense
                    throw chunks.unexpectedContent(chunk.index(), e);
                }
            }
        }
    }
}
