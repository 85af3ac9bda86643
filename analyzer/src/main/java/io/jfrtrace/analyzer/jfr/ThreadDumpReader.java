package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.faulthandler.ThreadPrintParser;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;
import io.jfrtrace.schema.StackFrames;
import io.jfrtrace.schema.ThreadDumpEvent;
import io.jfrtrace.schema.ThreadStackEvent;

/**
 * Reads thread dumps from a recording, one chunk at a time: jfr-trace's own {@code jfrtrace.ThreadDump} /
 * {@code jfrtrace.ThreadStack} events (docs/events.md), and, for recordings jfr-trace did not make, the JVM's
 * {@code jdk.ThreadDump} events (the text of a {@code Thread.print}; reason {@code request}) and the {@code jdk.Shutdown}
 * event of an emergency dump ({@code hs_err_pid*.jfr}; reason {@code VM Error}), which becomes a fatal dump of the
 * crashing thread only. A fatal {@code OutOfMemoryError} whose thread came without frames takes those of the
 * thread's last {@code jdk.AllocationRequiringGC} event ({@link AllocationsRequiringGc}).
 */
public final class ThreadDumpReader {
    static final String DUMP = ThreadDumpEvent.NAME;
    static final String STACK = ThreadStackEvent.NAME;
    static final String JDK_DUMP = "jdk.ThreadDump";
    static final String JDK_SHUTDOWN = "jdk.Shutdown";
    /** The reason HotSpot gives the {@code jdk.Shutdown} event of an emergency dump after a crash. */
    static final String VM_ERROR = "VM Error";
    static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    /** Where the dumps of a {@link Result} came from. */
    public enum Source {
        /** jfr-trace's own {@code jfrtrace.ThreadDump} events. */
        JFR_TRACE,
        /** The JVM's stock {@code jdk.ThreadDump} / {@code jdk.Shutdown} events (no jfr-trace dump in the file). */
        JDK,
        /** Neither: the list is empty. */
        NONE
    }

    /** The dumps of a recording, in time then id order, and where they came from. */
    public record Result(List<ThreadDump> dumps, Source source) {
        /** Which events the dumps come from (see {@link Provenance}). */
        public Provenance provenance() {
            return source == Source.JDK ? new Provenance(List.of(JDK_DUMP, JDK_SHUTDOWN),
                    "the JVM's own thread dumps and a crash's last stack") : Provenance.OURS;
        }
    }

    private ThreadDumpReader() {
    }

    /** jfr-trace's dumps if the file holds any, else the JVM's own; never null. */
    public static Result read(Path file) throws IOException {
        All all = readAll(file);
        if (!all.jfrTrace().isEmpty()) {
            return new Result(all.jfrTrace(), Source.JFR_TRACE);
        }
        if (all.jdk().isEmpty()) {
            return new Result(List.of(), Source.NONE);
        }
        return new Result(all.jdk(), Source.JDK);
    }

    /** Both kinds of dumps of a recording: jfr-trace's own and the JVM's (each in time then id order). */
    public record All(List<ThreadDump> jfrTrace, List<ThreadDump> jdk) {
    }

    /** Every dump of the file, jfr-trace's and the JVM's, kept apart (record merges a crash's sources with it). */
    public static All readAll(Path file) throws IOException {
        Dumps dumps = new Dumps();
        Recording.open(file).read(List.of(dumps));
        Map<Long, Header> headers = dumps.headers;
        Map<Long, List<ThreadStack>> stacks = dumps.stacks;
        List<ThreadDump> jdk = dumps.jdk;
        AllocationsRequiringGc gcRequests = dumps.gcRequests;
        List<ThreadDump> jfrTrace = List.of();
        if (!headers.isEmpty()) {
            List<ThreadDump> out = new ArrayList<>();
            for (Header h : headers.values()) {
                out.add(withFailingFrames(new ThreadDump(h.id, h.time, h.reason, h.detail, h.timeoutMicros,
                        h.currentThreadId, stacks.getOrDefault(h.id, List.of())), gcRequests));
            }
            out.sort(ORDER);
            jfrTrace = List.copyOf(out);
        }
        jdk.sort(ORDER);
        List<ThreadDump> numbered = new ArrayList<>();
        for (int i = 0; i < jdk.size(); i++) {
            ThreadDump d = jdk.get(i);
            numbered.add(new ThreadDump(i + 1, d.time(), d.reason(), d.detail(), d.timeoutMicros(), d.currentThreadId(),
                    d.threads()));
        }
        return new All(jfrTrace, List.copyOf(numbered));
    }

    /** The dump events of each chunk (all decoded by JMC, in the chunks that hold any), merged in file order. */
    private static final class Dumps implements io.jfrtrace.analyzer.jfr.Source<Dumps> {
        final Map<Long, Header> headers = new HashMap<>();
        final Map<Long, List<ThreadStack>> stacks = new HashMap<>();
        final List<ThreadDump> jdk = new ArrayList<>();
        final AllocationsRequiringGc gcRequests = new AllocationsRequiringGc();

        @Override
        public Dumps chunk(Handlers on) {
            Dumps part = new Dumps();
            on.onAny(DUMP, events -> {
                EventFields f = new EventFields(events.getType());
                for (IItem e : events) {
                    Header h = header(f, e);
                    part.headers.putIfAbsent(h.id, h);
                }
            });
            on.onAny(STACK, events -> {
                EventFields f = new EventFields(events.getType());
                for (IItem e : events) {
                    part.stacks.computeIfAbsent(f.number(e, ThreadStackEvent.DUMP_ID), k -> new ArrayList<>()).add(stack(f, e));
                }
            });
            on.onAny(JDK_DUMP, events -> {
                EventFields f = new EventFields(events.getType());
                for (IItem e : events) {
                    part.jdk.add(new ThreadDump(0, f.instant(e, "startTime"), Reason.REQUEST, "", 0, -1,
                            OwnThreads.without(ThreadPrintParser.parse(nonNull(f.string(e, "result"))))));
                }
            });
            on.onAny(JDK_SHUTDOWN, events -> {
                EventFields f = new EventFields(events.getType());
                IMemberAccessor<IMCStackTrace, IItem> st = JfrAttributes.EVENT_STACKTRACE.getAccessor(events.getType());
                IMemberAccessor<IMCThread, IItem> th = JfrAttributes.EVENT_THREAD.getAccessor(events.getType());
                for (IItem e : events) {
                    String reason = f.string(e, ThreadDumpEvent.REASON);
                    if (reason != null && reason.startsWith(VM_ERROR)) {
                        part.jdk.add(crash(f.instant(e, "startTime"), reason, th == null ? null : th.getMember(e),
                                st == null ? null : st.getMember(e)));
                    }
                }
            });
            on.onAny(AllocationsRequiringGc.TYPE, part.gcRequests::add);
            return part;
        }

        @Override
        public void add(Dumps part) {
            part.headers.forEach(headers::putIfAbsent);
            part.stacks.forEach((id, list) -> stacks.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
            jdk.addAll(part.jdk);
            gcRequests.addAll(part.gcRequests);
        }
    }

    /**
     * A fatal OutOfMemoryError whose thread came without frames (the error had no backtrace left) gets the
     * frames of that thread's last allocation that needed a collection: the one the error ended.
     */
    private static ThreadDump withFailingFrames(ThreadDump d, AllocationsRequiringGc gcRequests) {
        if (d.reason() != Reason.FATAL || !d.detail().startsWith(OUT_OF_MEMORY) || d.time() == null) {
            return d;
        }
        List<ThreadStack> threads = new ArrayList<>(d.threads());
        for (int i = 0; i < threads.size(); i++) {
            ThreadStack t = threads.get(i);
            if (t.current() && t.frames().isEmpty() && t.totalFrames() == 0) {
                AllocationsRequiringGc.Frames f = gcRequests.lastBefore(t.threadId(), d.time());
                if (f != null) {
                    threads.set(i, new ThreadStack(t.threadId(), t.name(), t.state(), true,
                            f.truncated() ? f.frames().size() + 1 : f.frames().size(), f.frames()));
                    return new ThreadDump(d.id(), d.time(), d.reason(), d.detail(), d.timeoutMicros(),
                            d.currentThreadId(), threads);
                }
            }
        }
        return d;
    }

    private static final Comparator<ThreadDump> ORDER = Comparator
            .comparing(ThreadDump::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(ThreadDump::id);

    private record Header(long id, Instant time, Reason reason, String detail, long timeoutMicros, long currentThreadId) {
    }

    private static Header header(EventFields f, IItem e) {
        Reason reason;
        try {
            reason = Reason.parse(f.string(e, ThreadDumpEvent.REASON));
        } catch (IllegalArgumentException unknown) {
            reason = Reason.REQUEST;
        }
        long current = f.has(ThreadDumpEvent.CURRENT_THREAD_ID) ? f.number(e, ThreadDumpEvent.CURRENT_THREAD_ID) : -1;
        return new Header(f.number(e, ThreadDumpEvent.DUMP_ID), f.instant(e, "startTime"), reason,
                nonNull(f.string(e, ThreadDumpEvent.DETAIL)), f.number(e, ThreadDumpEvent.TIMEOUT_MICROS), current);
    }

    private static ThreadStack stack(EventFields f, IItem e) {
        List<StackFrame> frames = frames(f.string(e, ThreadStackEvent.FRAMES));
        return new ThreadStack(f.number(e, ThreadStackEvent.THREAD_ID), f.string(e, ThreadStackEvent.THREAD_NAME),
                f.string(e, ThreadStackEvent.THREAD_STATE), Boolean.parseBoolean(f.string(e, ThreadStackEvent.CURRENT)),
                (int) f.number(e, ThreadStackEvent.TOTAL_FRAMES), frames);
    }

    /** The {@code frames} field ({@link StackFrames}), most recent first. */
    static List<StackFrame> frames(String text) {
        return StackFrames.decode(text, StackFrame::new);
    }

    private static ThreadDump crash(Instant time, String reason, IMCThread thread, IMCStackTrace trace) {
        List<StackFrame> frames = new ArrayList<>();
        boolean truncated = false;
        if (trace != null) {
            for (IMCFrame fr : trace.getFrames()) {
                IMCMethod m = fr.getMethod();
                String cls = m == null || m.getType() == null ? "" : JavaFrames.className(m);
                String name = m == null ? "???" : m.getMethodName();
                Integer line = fr.getFrameLineNumber();
                frames.add(ThreadPrintParser.javaFrame(cls, name, null, line == null || line < 0 ? -1 : line));
            }
            truncated = trace.getTruncationState() != null && trace.getTruncationState().isTruncated();
        }
        long id = thread == null || thread.getThreadId() == null ? 0 : thread.getThreadId();
        String name = thread == null ? null : thread.getThreadName();
        List<ThreadStack> threads = thread == null && frames.isEmpty() ? List.of()
                : List.of(new ThreadStack(id, name, null, true, truncated ? frames.size() + 1 : frames.size(), frames));
        return new ThreadDump(0, time, Reason.FATAL, reason, 0, id, threads);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
