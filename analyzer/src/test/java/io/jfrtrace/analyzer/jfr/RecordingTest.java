package io.jfrtrace.analyzer.jfr;

import io.jfrtrace.schema.CallerStatsEvent;

import io.jfrtrace.schema.FunctionStatsEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** The one read pass: dispatch by the type each event's header names, chunks in parallel, our events' layout. */
class RecordingTest {
    @TempDir
    Path dir;

    private static void function(String file, int line, String name, long calls, long recursive, long inline, long total) {
        FunctionStatsEvent e = new FunctionStatsEvent();
        e.file = file;
        e.line = line;
        e.function = name;
        e.callCount = calls;
        e.recursiveCallCount = recursive;
        e.inlineTime = inline;
        e.totalTime = total;
        e.commit();
    }

    private static void call(String callerFile, String caller, String file, String name, long calls, long total) {
        CallerStatsEvent e = new CallerStatsEvent();
        e.callerFile = callerFile;
        e.callerLine = 3;
        e.callerFunction = caller;
        e.file = file;
        e.line = -1;
        e.function = name;
        e.callCount = calls;
        e.recursiveCallCount = 1;
        e.inlineTime = Long.MAX_VALUE / 3;
        e.totalTime = total;
        e.commit();
    }

    private Path record(String name, Runnable events) throws Exception {
        Path f = dir.resolve(name);
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            SchemaEvents.enableAll(r);
            r.start();
            events.run();
            r.stop();
            r.dump(f);
        }
        return f;
    }

    @Test
    void ourEventsAreDecodedFieldForFieldAsJmcDecodesThem() throws Exception {
        String longName = "com/example/AVeryLongPackageName/ThatTheStringPoolKeeps$Inner.java"; // >16 chars: pooled
        Path f = record("ours.jfr", () -> {
            function("com/example/Fib.java", 12, "Fib.fib", 177, 176, 123_456_789L, 987_654_321_000L);
            function(longName, 0, "<method 'put' of 'java.util.HashMap' objects> \u00e9\u4e2d", 1, 0, 0, 5);
            function("~", Integer.MAX_VALUE, null, Long.MAX_VALUE, -1, -2, Long.MIN_VALUE);
            call("com/example/Fib.java", "Fib.main", longName, "Fib.fib", 1, 42);
        });
        List<String> jmc = new ArrayList<>();
        ChunkedRecording.open(f).forEachChunk(byType -> {
            for (IItemIterable events : byType) {
                String type = events.getType().getIdentifier();
                EventFields ef = new EventFields(events.getType());
                for (IItem e : events) {
                    if (type.equals("jfrtrace.FunctionStats")) {
                        jmc.add(String.join("|", ef.string(e, "file"), "" + ef.number(e, "line"), ef.string(e, "function"),
                                "" + ef.number(e, "callCount"), "" + ef.number(e, "recursiveCallCount"),
                                "" + ef.number(e, "inlineTime"), "" + ef.number(e, "totalTime")));
                    } else if (type.equals("jfrtrace.CallerStats")) {
                        jmc.add(String.join("|", ef.string(e, "callerFile"), "" + ef.number(e, "callerLine"),
                                ef.string(e, "callerFunction"), ef.string(e, "file"), "" + ef.number(e, "line"),
                                ef.string(e, "function"), "" + ef.number(e, "callCount"),
                                "" + ef.number(e, "recursiveCallCount"), "" + ef.number(e, "inlineTime"),
                                "" + ef.number(e, "totalTime")));
                    }
                }
            }
        });
        List<String> bulk = new ArrayList<>();
        Recording.open(f).read(List.of(new Collect(on -> {
            on.on(OurEvents.FUNCTION_STATS, (e, s) -> bulk.add(String.join("|", e.file, "" + e.line, e.function,
                    "" + e.callCount, "" + e.recursiveCallCount, "" + e.inlineTime, "" + e.totalTime)));
            on.on(OurEvents.CALLER_STATS, (e, s) -> bulk.add(String.join("|", e.callerFile, "" + e.callerLine,
                    e.callerFunction, e.file, "" + e.line, e.function, "" + e.callCount, "" + e.recursiveCallCount,
                    "" + e.inlineTime, "" + e.totalTime)));
        })));
        assertEquals(4, bulk.size(), bulk::toString);
        assertEquals(jmc.stream().sorted().toList(), bulk.stream().sorted().toList());
    }

    @Test
    void chunksReadInParallelReachTheSourceInFileOrder() throws Exception {
        Path one = record("one.jfr", () -> {
            function("A.java", 1, "A.a", 1, 0, 10, 10);
            function("B.java", 2, "B.b", 2, 0, 20, 20);
        });
        Path two = record("two.jfr", () -> {
            function("C.java", 3, "C.c", 3, 0, 30, 30);
            function("A.java", 1, "A.a", 4, 0, 40, 40);
        });
        Path all = dir.resolve("all.jfr");
        byte[] a = Files.readAllBytes(one);
        byte[] b = Files.readAllBytes(two);
        Files.write(all, concat(List.of(b, a, b, a, b)));
        List<String> seen = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Recording.open(all).bounds(Long.MAX_VALUE, 1).read(List.of(new Names(seen, threads)));
        assertEquals(List.of("C.c", "A.a", "A.a", "B.b", "C.c", "A.a", "A.a", "B.b", "C.c", "A.a"), seen);
        assertEquals(Set.of("jfr-trace reader"), threads, "read in parallel, on the pool's threads");

        ProfileTable t = ProfileReader.read(all); // the whole read, with the default bounds
        assertEquals(List.of(new FunctionKey("C.java", 3, "C.c"), new FunctionKey("A.java", 1, "A.a"),
                new FunctionKey("B.java", 2, "B.b")), new ArrayList<>(t.functions().keySet()));
        assertEquals(3 * 3, t.functions().get(new FunctionKey("C.java", 3, "C.c")).callCount());
        assertEquals(3 * 4 + 2 * 1, t.functions().get(new FunctionKey("A.java", 1, "A.a")).callCount());
        assertEquals(2 * 20, t.functions().get(new FunctionKey("B.java", 2, "B.b")).totalNanos());
    }

    /** A second reading thread holds a second chunk and part: a pass of a few small chunks does without it. */
    @Test
    void aPassWithLittleToReadRunsOnTheCallersThread() throws Exception {
        Path one = record("one.jfr", () -> function("A.java", 1, "A.a", 1, 0, 10, 10));
        Path all = dir.resolve("all.jfr");
        byte[] a = Files.readAllBytes(one);
        Files.write(all, concat(List.of(a, a, a, a)));
        List<String> seen = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Recording.open(all).read(List.of(new Names(seen, threads)));
        assertEquals(List.of("A.a", "A.a", "A.a", "A.a"), seen);
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }

    /**
     * A file whose chunks are larger than the memory bound is read with one buffer, however many chunks and passes:
     * the chunk a pass keeps for the next is read first there and its buffer serves the rest, parts still in file order.
     */
    @Test
    void chunksLargerThanTheBoundAreReadWithOneBufferInFileOrder() throws Exception {
        Path one = record("one.jfr", () -> function("A.java", 1, "A.a", 1, 0, 10, 10));
        Path two = record("two.jfr", () -> function("B.java", 2, "B.b", 2, 0, 20, 20));
        Path all = dir.resolve("all.jfr");
        Files.write(all, concat(List.of(Files.readAllBytes(one), Files.readAllBytes(two), Files.readAllBytes(one))));
        Recording r = Recording.open(all).bounds(1, 1);
        for (int pass = 0; pass < 3; pass++) {
            List<String> seen = new ArrayList<>();
            r.read(List.of(new Names(seen, new HashSet<>())));
            assertEquals(List.of("A.a", "B.b", "A.a"), seen, "pass " + (pass + 1));
        }
        List<String> seen = new ArrayList<>();
        r.read(i -> i < 2, List.of(new Names(seen, new HashSet<>()))); // the kept last chunk not read: its buffer serves
        assertEquals(List.of("A.a", "B.b"), seen);
        assertEquals(1, r.buffersAllocated());
        assertEquals(3 + 2 + 2 + 2, r.loads(), "each pass after the first finds the chunk kept for it");
    }

    /** The functions each chunk holds, one part per chunk, added in the order the parts arrive; the threads that read. */
    private record Names(List<String> seen, Set<String> threads) implements Source<List<String>> {
        @Override
        public List<String> chunk(Handlers on) {
            List<String> part = new ArrayList<>();
            on.on(OurEvents.FUNCTION_STATS, (e, s) -> {
                part.add(e.function);
                threads.add(Thread.currentThread().getName());
            });
            return part;
        }

        @Override
        public void add(List<String> part) {
            seen.addAll(part);
        }
    }

    /** The JVM gives an allocation sample and an allocation outside a TLAB one shape; the bulk reader one class. */
    @Test
    void aTypeTheBulkReaderGivesOneClassIsHandedOnlyToItsOwnHandlers() throws Exception {
        Path f = dir.resolve("allocations.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s");
            r.enable("jdk.ObjectAllocationOutsideTLAB");
            r.enable("jdk.ObjectAllocationInNewTLAB");
            r.start();
            List<byte[]> keep = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                keep.add(new byte[(i % 4 == 0 ? 256 : 1) * 1024]);
                if (keep.size() > 50) {
                    keep.clear();
                }
            }
            r.stop();
            r.dump(f);
        }
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(f)) {
            expected.merge(e.getEventType().getName(), 1L, Long::sum);
        }
        assertTrue(expected.getOrDefault("jdk.ObjectAllocationSample", 0L) > 0, expected::toString);
        assertTrue(expected.getOrDefault("jdk.ObjectAllocationOutsideTLAB", 0L) > 0, expected::toString);
        for (BulkType<?> type : List.of(BulkType.ALLOCATION_SAMPLE, BulkType.ALLOCATION_OUTSIDE_TLAB,
                BulkType.ALLOCATION_IN_NEW_TLAB)) {
            AtomicLong seen = new AtomicLong();
            Recording.open(f).read(List.of(new Collect(on -> on.on(type, (e, s) -> seen.incrementAndGet()))));
            assertEquals(expected.getOrDefault(type.name(), 0L), seen.get(), type.name());
        }
    }

    /** A source that only registers handlers (which collect on their own, from one chunk at a time here). */
    private record Collect(java.util.function.Consumer<Handlers> register) implements Source<Object> {
        @Override
        public Object chunk(Handlers on) {
            register.accept(on);
            return this;
        }

        @Override
        public void add(Object part) {
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
