package analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

/**
 * The parser bake-off of docs/architecture.md: the same aggregation over the same file with JMC's parser, async-profiler's
 * {@code one.jfr.JfrReader} and the JDK's {@code EventStream}, one JVM per measurement (run by analysis.py, which takes
 * wall time and peak RSS). Prints the aggregate's size and a checksum, so the parsers can be seen to agree.
 *
 * <p>Tasks: {@code deltas} sums jfr-trace's FunctionStats/CallerStats per key; {@code exec} counts jdk.ExecutionSample per
 * stack; {@code alloc} sums the weights of jdk.ObjectAllocationSample and the TLAB allocation events per stack and class.
 * Stacks become {@code class.method} frames joined by ';' (root first).
 *
 * <p>Usage: {@code analysis.ParserBakeoff jmc|jmc2|jfrreader|jfrreader2|jdk deltas|exec|alloc FILE}
 * (a trailing 2: chunks on two threads).
 */
public final class ParserBakeoff {
    static final String FUNCTION_STATS = "jfrtrace.FunctionStats";
    static final String CALLER_STATS = "jfrtrace.CallerStats";
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";

    private ParserBakeoff() {
    }

    /** What each task adds up: per key, a few longs. */
    static final class Totals {
        final Map<String, long[]> byKey = new HashMap<>();
        long events;

        void add(String key, long a, long b) {
            long[] v = byKey.computeIfAbsent(key, k -> new long[2]);
            v[0] += a;
            v[1] += b;
        }

        void merge(Totals o) {
            events += o.events;
            o.byKey.forEach((k, v) -> add(k, v[0], v[1]));
        }

        String summary() {
            long a = 0;
            long b = 0;
            long h = 0;
            for (Map.Entry<String, long[]> e : byKey.entrySet()) {
                a += e.getValue()[0];
                b += e.getValue()[1];
                h += e.getKey().hashCode() * 31L + e.getValue()[0];
            }
            return "events=" + events + " keys=" + byKey.size() + " sum0=" + a + " sum1=" + b + " check=" + Long.toHexString(h);
        }
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.openjdk.jmc.flightrecorder").setLevel(Level.OFF);
        String parser = args[0];
        String task = args[1];
        Path file = Path.of(args[2]);
        long t0 = System.nanoTime();
        Totals t = switch (parser) {
            case "jmc" -> Jmc.run(task, file, 1);
            case "jmc2" -> Jmc.run(task, file, 2);
            case "jfrreader" -> Reader.run(task, file, 1);
            case "jfrreader2" -> Reader.run(task, file, 2);
            case "jdk" -> Jdk.run(task, file);
            default -> throw new IllegalArgumentException(parser);
        };
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(parser + " " + task + " " + t.summary() + " in_process_ms=" + ms);
    }

    /** The chunks of a file: offsets and sizes from the headers. */
    static List<long[]> chunks(FileChannel ch) throws IOException {
        List<long[]> out = new ArrayList<>();
        ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        long pos = 0;
        while (pos < ch.size()) {
            head.clear();
            ch.read(head, pos);
            long size = head.getLong(8);
            out.add(new long[] {pos, size});
            pos += size;
        }
        return out;
    }

    interface ChunkTask {
        Totals run(FileChannel ch, long offset, long size) throws Exception;
    }

    static Totals perChunk(Path file, int threads, ChunkTask task) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<long[]> chunks = chunks(ch);
            Totals all = new Totals();
            if (threads == 1) {
                for (long[] c : chunks) {
                    all.merge(task.run(ch, c[0], c[1]));
                }
                return all;
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Totals>> parts = new ArrayList<>();
                for (long[] c : chunks) {
                    parts.add(pool.submit(() -> task.run(ch, c[0], c[1])));
                }
                for (Future<Totals> f : parts) {
                    all.merge(f.get());
                }
            } finally {
                pool.shutdown();
            }
            return all;
        }
    }

    /** JMC: each chunk loaded on its own (as ChunkedRecording does), items grouped by type. */
    static final class Jmc {
        static Totals run(String task, Path file, int threads) throws Exception {
            return perChunk(file, threads, (ch, offset, size) -> {
                ByteBuffer b = ByteBuffer.allocate((int) size);
                ch.read(b, offset);
                IItemCollection events = JfrLoaderToolkit.loadEvents(new java.io.ByteArrayInputStream(b.array()));
                Totals t = new Totals();
                for (IItemIterable items : events) {
                    String type = items.getType().getIdentifier();
                    switch (task) {
                        case "deltas" -> {
                            if (type.equals(FUNCTION_STATS)) {
                                Fields f = new Fields(items.getType());
                                for (IItem e : items) {
                                    t.add(f.string(e, "file") + ":" + f.number(e, "line") + "(" + f.string(e, "function") + ")",
                                            f.number(e, "callCount"), f.number(e, "totalTime"));
                                    t.events++;
                                }
                            } else if (type.equals(CALLER_STATS)) {
                                Fields f = new Fields(items.getType());
                                for (IItem e : items) {
                                    t.add(f.string(e, "callerFile") + ":" + f.number(e, "callerLine") + "("
                                            + f.string(e, "callerFunction") + ")>" + f.string(e, "file") + ":"
                                            + f.number(e, "line") + "(" + f.string(e, "function") + ")",
                                            f.number(e, "callCount"), f.number(e, "totalTime"));
                                    t.events++;
                                }
                            }
                        }
                        case "exec" -> {
                            if (type.equals(EXECUTION_SAMPLE)) {
                                stacks(items, t, null);
                            }
                        }
                        case "alloc" -> {
                            switch (type) {
                                case ALLOCATION_SAMPLE -> stacks(items, t, "weight");
                                case NEW_TLAB -> stacks(items, t, "tlabSize");
                                case OUTSIDE_TLAB -> stacks(items, t, "allocationSize");
                                default -> { }
                            }
                        }
                        default -> throw new IllegalArgumentException(task);
                    }
                }
                return t;
            });
        }

        private static void stacks(IItemIterable items, Totals t, String weightField) {
            Fields f = new Fields(items.getType());
            Map<IMCStackTrace, long[]> byStack = new IdentityHashMap<>();
            Map<IdentityPair, long[]> byPair = new HashMap<>();
            for (IItem e : items) {
                IMCStackTrace st = (IMCStackTrace) f.value(e, "stackTrace");
                long w = weightField == null ? 1 : f.number(e, weightField);
                if (weightField != null) {
                    long[] v = byPair.computeIfAbsent(new IdentityPair(st, f.value(e, "objectClass")), k -> new long[2]);
                    v[0]++;
                    v[1] += w;
                } else {
                    long[] v = byStack.computeIfAbsent(st, k -> new long[2]);
                    v[0]++;
                    v[1] += w;
                }
                t.events++;
            }
            byStack.forEach((st, v) -> t.add(collapsed(st), v[0], v[1]));
            byPair.forEach((k, v) -> t.add(collapsed((IMCStackTrace) k.a) + ";"
                    + ((org.openjdk.jmc.common.IMCType) k.b).getFullName(), v[0], v[1]));
        }

        private static final Map<IMCStackTrace, String> COLLAPSED = new IdentityHashMap<>();

        private static synchronized String collapsed(IMCStackTrace st) {
            return COLLAPSED.computeIfAbsent(st, s -> {
                if (s == null) {
                    return "";
                }
                List<? extends IMCFrame> frames = s.getFrames();
                StringBuilder b = new StringBuilder();
                for (int i = frames.size() - 1; i >= 0; i--) {
                    IMCFrame fr = frames.get(i);
                    if (b.length() > 0) {
                        b.append(';');
                    }
                    b.append(fr.getMethod().getType().getFullName()).append('.').append(fr.getMethod().getMethodName());
                }
                return b.toString();
            });
        }
    }

    /** Two objects compared by identity: constant-pool values (a stack trace, a class) are one object per chunk. */
    record IdentityPair(Object a, Object b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityPair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    /** JMC field access by name. */
    static final class Fields {
        private final Map<String, IMemberAccessor<?, IItem>> accessors = new HashMap<>();

        Fields(IType<IItem> type) {
            for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
                accessors.put(key.getIdentifier(), type.getAccessor(key));
            }
        }

        Object value(IItem e, String name) {
            IMemberAccessor<?, IItem> a = accessors.get(name);
            return a == null ? null : a.getMember(e);
        }

        String string(IItem e, String name) {
            Object v = value(e, name);
            return v == null ? null : v.toString();
        }

        long number(IItem e, String name) {
            Object v = value(e, name);
            return v instanceof IQuantity q ? q.longValue() : v instanceof Number n ? n.longValue() : 0;
        }
    }

    /** async-profiler's JfrReader: one reader per chunk (a mapped slice), unregistered types skipped by size. */
    static final class Reader {
        /** jfrtrace.FunctionStats, fields in the schema's order (docs/events.md). */
        public static final class FunctionStats extends Event {
            final String file;
            final int line;
            final String function;
            final long callCount;
            final long recursiveCallCount;
            final long inlineTime;
            final long totalTime;

            public FunctionStats(JfrReader r) {
                super(r.getVarlong(), skipThread(r), 0);
                r.getVarlong(); // stack trace
                file = r.getString();
                line = r.getVarint();
                function = r.getString();
                callCount = r.getVarlong();
                recursiveCallCount = r.getVarlong();
                inlineTime = r.getVarlong();
                totalTime = r.getVarlong();
            }
        }

        public static final class CallerStats extends Event {
            final String callerFile;
            final int callerLine;
            final String callerFunction;
            final String file;
            final int line;
            final String function;
            final long callCount;
            final long recursiveCallCount;
            final long inlineTime;
            final long totalTime;

            public CallerStats(JfrReader r) {
                super(r.getVarlong(), skipThread(r), 0);
                r.getVarlong(); // stack trace
                callerFile = r.getString();
                callerLine = r.getVarint();
                callerFunction = r.getString();
                file = r.getString();
                line = r.getVarint();
                function = r.getString();
                callCount = r.getVarlong();
                recursiveCallCount = r.getVarlong();
                inlineTime = r.getVarlong();
                totalTime = r.getVarlong();
            }
        }

        /** Reads the duration and the thread: the fields between startTime and the event's own. */
        static int skipThread(JfrReader r) {
            r.getVarlong(); // duration
            return r.getVarint(); // event thread
        }

        static Totals run(String task, Path file, int threads) throws Exception {
            return perChunk(file, threads, (ch, offset, size) -> {
                MappedByteBuffer chunk = ch.map(FileChannel.MapMode.READ_ONLY, offset, size);
                Totals t = new Totals();
                try (JfrReader r = new JfrReader(chunk)) {
                    switch (task) {
                        case "deltas" -> {
                            r.registerEvent(FUNCTION_STATS, FunctionStats.class);
                            r.registerEvent(CALLER_STATS, CallerStats.class);
                            for (Event e; (e = r.readEvent()) != null; ) {
                                if (e instanceof FunctionStats f) {
                                    t.add(f.file + ":" + f.line + "(" + f.function + ")", f.callCount, f.totalTime);
                                } else if (e instanceof CallerStats c) {
                                    t.add(c.callerFile + ":" + c.callerLine + "(" + c.callerFunction + ")>" + c.file + ":"
                                            + c.line + "(" + c.function + ")", c.callCount, c.totalTime);
                                }
                                t.events++;
                            }
                        }
                        case "exec" -> {
                            Map<Integer, long[]> byStack = new HashMap<>();
                            for (ExecutionSample e; (e = r.readEvent(ExecutionSample.class)) != null; ) {
                                long[] v = byStack.computeIfAbsent(e.stackTraceId, k -> new long[2]);
                                v[0]++;
                                v[1]++;
                                t.events++;
                            }
                            byStack.forEach((id, v) -> t.add(collapsed(r, id), v[0], v[1]));
                        }
                        case "alloc" -> {
                            Map<Long, long[]> byStack = new HashMap<>();
                            for (AllocationSample e; (e = r.readEvent(AllocationSample.class)) != null; ) {
                                long[] v = byStack.computeIfAbsent((long) e.stackTraceId << 32 | e.classId, k -> new long[2]);
                                v[0]++;
                                v[1] += e.tlabSize != 0 ? e.tlabSize : e.allocationSize;
                                t.events++;
                            }
                            byStack.forEach((key, v) -> t.add(collapsed(r, (int) (key >>> 32)) + ";"
                                    + className(r, (int) (long) key), v[0], v[1]));
                        }
                        default -> throw new IllegalArgumentException(task);
                    }
                }
                return t;
            });
        }

        static String collapsed(JfrReader r, int stackId) {
            StackTrace st = r.stackTraces.get(stackId);
            if (st == null) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            for (int i = st.methods.length - 1; i >= 0; i--) {
                MethodRef m = r.methods.get(st.methods[i]);
                if (b.length() > 0) {
                    b.append(';');
                }
                ClassRef c = r.classes.get(m.cls);
                b.append(new String(r.symbols.get(c.name), StandardCharsets.UTF_8).replace('/', '.')).append('.')
                        .append(new String(r.symbols.get(m.name), StandardCharsets.UTF_8));
            }
            return b.toString();
        }

        static String className(JfrReader r, int classId) {
            ClassRef c = r.classes.get(classId);
            return c == null ? "?" : internalToJava(new String(r.symbols.get(c.name), StandardCharsets.UTF_8));
        }

        /** The name JMC gives a class: dots, arrays as {@code byte[]}. */
        static String internalToJava(String n) {
            int dims = 0;
            while (dims < n.length() && n.charAt(dims) == '[') {
                dims++;
            }
            if (dims == 0) {
                return n.replace('/', '.');
            }
            String base = switch (n.charAt(dims)) {
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'D' -> "double";
                case 'F' -> "float";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'S' -> "short";
                case 'Z' -> "boolean";
                default -> n.substring(dims + 1, n.length() - 1).replace('/', '.');
            };
            return base + "[]".repeat(dims);
        }
    }

    /** The JDK's EventStream over the file, one handler per type (the stream parses only those). */
    static final class Jdk {
        static Totals run(String task, Path file) throws Exception {
            Totals t = new Totals();
            Map<RecordedStackTrace, long[]> byStack = new IdentityHashMap<>();
            Map<IdentityPair, long[]> byPair = new HashMap<>();
            try (EventStream s = EventStream.openFile(file)) {
                switch (task) {
                    case "deltas" -> {
                        s.onEvent(FUNCTION_STATS, e -> {
                            t.add(e.getString("file") + ":" + e.getInt("line") + "(" + e.getString("function") + ")",
                                    e.getLong("callCount"), e.getLong("totalTime"));
                            t.events++;
                        });
                        s.onEvent(CALLER_STATS, e -> {
                            t.add(e.getString("callerFile") + ":" + e.getInt("callerLine") + "(" + e.getString("callerFunction")
                                    + ")>" + e.getString("file") + ":" + e.getInt("line") + "(" + e.getString("function") + ")",
                                    e.getLong("callCount"), e.getLong("totalTime"));
                            t.events++;
                        });
                    }
                    case "exec" -> s.onEvent(EXECUTION_SAMPLE, e -> {
                        long[] v = byStack.computeIfAbsent(e.getStackTrace(), k -> new long[2]);
                        v[0]++;
                        v[1]++;
                        t.events++;
                    });
                    case "alloc" -> {
                        s.onEvent(ALLOCATION_SAMPLE, e -> alloc(e, "weight", byPair, t));
                        s.onEvent(NEW_TLAB, e -> alloc(e, "tlabSize", byPair, t));
                        s.onEvent(OUTSIDE_TLAB, e -> alloc(e, "allocationSize", byPair, t));
                    }
                    default -> throw new IllegalArgumentException(task);
                }
                s.start();
            }
            Map<RecordedStackTrace, String> names = new IdentityHashMap<>();
            byStack.forEach((st, v) -> t.add(collapsed(st, names), v[0], v[1]));
            byPair.forEach((k, v) -> t.add(collapsed((RecordedStackTrace) k.a, names) + ";"
                    + ((jdk.jfr.consumer.RecordedClass) k.b).getName(), v[0], v[1]));
            return t;
        }

        private static void alloc(RecordedEvent e, String weight, Map<IdentityPair, long[]> byPair, Totals t) {
            long[] v = byPair.computeIfAbsent(new IdentityPair(e.getStackTrace(), e.getClass("objectClass")), k -> new long[2]);
            v[0]++;
            v[1] += e.getLong(weight);
            t.events++;
        }

        private static String collapsed(RecordedStackTrace st, Map<RecordedStackTrace, String> names) {
            return names.computeIfAbsent(st, s -> {
                if (s == null) {
                    return "";
                }
                List<RecordedFrame> frames = s.getFrames();
                StringBuilder b = new StringBuilder();
                for (int i = frames.size() - 1; i >= 0; i--) {
                    RecordedFrame fr = frames.get(i);
                    if (b.length() > 0) {
                        b.append(';');
                    }
                    b.append(fr.getMethod().getType().getName()).append('.').append(fr.getMethod().getName());
                }
                return b.toString();
            });
        }
    }
}
