package io.jfrtrace.analyzer.jfr;

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

import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadPrintParser;
import io.jfrtrace.schema.StockEvents;

/**
 * The last allocations of each thread that had to wait for a collection: the JVM's
 * {@code jdk.AllocationRequiringGC} events, with the allocating thread's stack (the recorder enables them
 * while the fault handler is on, docs/events.md). The allocation that an {@code OutOfMemoryError} ended is
 * the thread's last one, so it names the failing frames when the error has none: HotSpot gives an
 * {@code OutOfMemoryError} a backtrace only while its few preallocated ones last (two for the program on
 * JDK 17, four on JDK 25), and threads that allocate while the heap is full (JFR's periodic task, the JDK's
 * Notification Thread) can use them up first.
 */
final class AllocationsRequiringGc {
    static final String TYPE = StockEvents.ALLOCATION_REQUIRING_GC;
    /** Per thread; later ones than the dump come from the program's own handler and the thread's exit. */
    private static final int KEPT_PER_THREAD = 8;

    private record Request(Instant time, IMCStackTrace trace) {
    }

    /** A thread's frames, most recent first, and whether JFR cut the stack (its depth limit). */
    record Frames(List<StackFrame> frames, boolean truncated) {
    }

    private final Map<Long, List<Request>> byThread = new HashMap<>();

    /** Takes one chunk's events of {@link #TYPE}. */
    void add(IItemIterable events) {
        EventFields f = new EventFields(events.getType());
        IMemberAccessor<IMCThread, IItem> thread = JfrAttributes.EVENT_THREAD.getAccessor(events.getType());
        if (thread == null) {
            return;
        }
        for (IItem e : events) {
            IMCThread t = thread.getMember(e);
            IMCStackTrace trace = f.stackTrace(e);
            Instant time = f.instant(e, "startTime");
            if (t == null || t.getThreadId() == null || trace == null || time == null
                    || duringUncaughtHandling(trace)) {
                continue;
            }
            keep(t.getThreadId(), new Request(time, trace));
        }
    }

    private void keep(long threadId, Request r) {
        List<Request> kept = byThread.computeIfAbsent(threadId, k -> new ArrayList<>());
        kept.add(r);
        if (kept.size() > KEPT_PER_THREAD) {
            kept.remove(kept.stream().min(Comparator.comparing(Request::time)).orElseThrow());
        }
    }

    /** Takes what another chunk's reading kept (a later chunk's, in file order). */
    void addAll(AllocationsRequiringGc other) {
        other.byThread.forEach((thread, requests) -> {
            for (Request r : requests) {
                keep(thread, r);
            }
        });
    }

    /** The frames of the thread's last allocation that needed a collection at or before {@code time}, or null. */
    Frames lastBefore(long threadId, Instant time) {
        Request best = null;
        for (Request r : byThread.getOrDefault(threadId, List.of())) {
            if (!r.time().isAfter(time) && (best == null || r.time().isAfter(best.time()))) {
                best = r;
            }
        }
        if (best == null) {
            return null;
        }
        IMCStackTrace trace = best.trace();
        return new Frames(frames(trace), trace.getTruncationState() != null && trace.getTruncationState().isTruncated());
    }

    /**
     * Whether the stack is the uncaught-exception handling's own (the fault handler frees its reserve and
     * then allocates, which asks for the collection that reclaims it), not the program's.
     */
    private static boolean duringUncaughtHandling(IMCStackTrace trace) {
        for (IMCFrame fr : trace.getFrames()) {
            String cls = className(fr);
            if (cls.startsWith("io.jfrtrace.recorder.faulthandler.") || cls.equals("java.lang.Thread")
                    && "dispatchUncaughtException".equals(fr.getMethod().getMethodName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Named as our dumps name them, without the call profiler's injected hooks ({@code io.jfrtrace.runtime})
     * as the recorder drops them: JDK frames on top of a hook were called by the hook and go with it.
     */
    static List<StackFrame> frames(IMCStackTrace trace) {
        List<? extends IMCFrame> all = trace.getFrames();
        int start = 0;
        for (int j = 0; j < all.size() && (isJdk(all.get(j)) || isHook(all.get(j))); j++) {
            if (isHook(all.get(j))) {
                start = j + 1;
            }
        }
        List<StackFrame> out = new ArrayList<>(all.size() - start);
        for (IMCFrame fr : all.subList(start, all.size())) {
            if (!isHook(fr)) {
                Integer line = fr.getFrameLineNumber();
                String name = fr.getMethod() == null ? "???" : fr.getMethod().getMethodName();
                out.add(ThreadPrintParser.javaFrame(className(fr), name, null, line == null || line < 0 ? -1 : line));
            }
        }
        return out;
    }

    private static String className(IMCFrame fr) {
        IMCMethod m = fr.getMethod();
        return m == null || m.getType() == null ? "" : m.getType().getFullName();
    }

    private static boolean isHook(IMCFrame fr) {
        return className(fr).startsWith("io.jfrtrace.runtime.");
    }

    private static boolean isJdk(IMCFrame fr) {
        String c = className(fr);
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }
}
