package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.jfrtrace.schema.StackFrames;
import io.jfrtrace.schema.ThreadDumpEvent;
import io.jfrtrace.schema.ThreadStackEvent;

/** Takes a dump: captures the stacks, commits the events (when recording), writes the text. */
public final class Dumper {
    /** Threads of our own (the watchdog), left out of dumps as faulthandler's C thread is. */
    static final Set<Thread> OWN_THREADS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong DUMP_IDS = new AtomicLong();
    /** Set by the agent once its recording runs: only then are events committed. */
    static volatile boolean recording;

    private Dumper() {
    }

    /**
     * One dump. {@code current} is the thread that asked, crashed or got the signal (null: none);
     * {@code currentFrames} its frames if known (an exception's trace), else its live stack.
     * Returns the dump id (0 when nothing was recorded).
     */
    public static long dump(String reason, String detail, long timeoutMicros, Thread current,
                            StackTraceElement[] currentFrames, boolean allThreads, OutputStream text) {
        List<ThreadStack> threads = capture(current, currentFrames, allThreads, null);
        return emit(reason, detail, timeoutMicros, current, threads, allThreads, text);
    }

    static long emit(String reason, String detail, long timeoutMicros, Thread current, List<ThreadStack> threads,
                     boolean allThreads, OutputStream text) {
        long id = 0;
        if (recording) {
            id = DUMP_IDS.incrementAndGet();
            try {
                for (ThreadStack t : threads) {
                    ThreadStackEvent e = new ThreadStackEvent();
                    e.dumpId = id;
                    e.threadId = t.id();
                    e.threadName = t.name();
                    e.threadState = t.state();
                    e.current = t.current();
                    e.totalFrames = t.frames().length;
                    e.frames = StackFrames.encode(t.frames());
                    e.commit();
                }
                ThreadDumpEvent d = new ThreadDumpEvent();
                d.dumpId = id;
                d.reason = reason;
                d.detail = detail == null ? "" : detail;
                d.timeoutMicros = timeoutMicros;
                d.currentThreadId = current == null ? -1 : current.getId();
                d.threadCount = threads.size();
                d.commit();
            } catch (Throwable ignored) {
                // a dump must never make things worse
            }
        }
        if (text != null) {
            String header = switch (reason) {
                case ThreadDumpEvent.TIMEOUT -> TracebackText.timeoutHeader(timeoutMicros);
                case ThreadDumpEvent.FATAL -> TracebackText.fatalHeader(detail);
                default -> null;
            };
            write(text, TracebackText.format(header, threads, allThreads));
        }
        return id;
    }

    static void write(OutputStream out, byte[] bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (Throwable ignored) {
            // nowhere to report it
        }
    }

    /**
     * The stacks, newest thread (highest id) first. {@code others} replaces the live stacks of the
     * other threads when given (the snapshot taken when memory ran low).
     */
    static List<ThreadStack> capture(Thread current, StackTraceElement[] currentFrames, boolean allThreads,
                                     Map<Thread, StackTraceElement[]> others) {
        List<ThreadStack> out = new ArrayList<>();
        if (current != null) {
            StackTraceElement[] frames = strip(currentFrames != null ? currentFrames : current.getStackTrace());
            out.add(new ThreadStack(current.getId(), current.getName(), currentFrames != null
                    ? current.getState().name() : Thread.State.RUNNABLE.name(), true, frames));
        }
        if (allThreads) {
            Map<Thread, StackTraceElement[]> all = others != null ? others : Thread.getAllStackTraces();
            for (Map.Entry<Thread, StackTraceElement[]> en : all.entrySet()) {
                Thread t = en.getKey();
                if (t == current || OWN_THREADS.contains(t)) {
                    continue;
                }
                out.add(new ThreadStack(t.getId(), t.getName(), t.getState().name(), false, strip(en.getValue())));
            }
        }
        out.sort(Comparator.comparingLong(ThreadStack::id).reversed());
        return out;
    }

    /**
     * Drops the leading frames of the dump machinery itself (ours, reflection, Thread.getStackTrace)
     * and, anywhere, the call profiler's injected hooks ({@code io.jfrtrace.runtime}), which are not
     * the program's code.
     */
    static StackTraceElement[] strip(StackTraceElement[] frames) {
        int i = 0;
        while (i < frames.length && (isMachinery(frames[i]) || isProfilerHook(frames[i]))) {
            i++;
        }
        // JDK frames on top of a hook were called by the hook (e.g. a StackOverflowError raised in its
        // ThreadLocal lookup): they go with it.
        for (int j = i; j < frames.length && (isJdk(frames[j]) || isProfilerHook(frames[j])); j++) {
            if (isProfilerHook(frames[j])) {
                i = j + 1;
            }
        }
        int keep = 0;
        for (int j = i; j < frames.length; j++) {
            if (!isProfilerHook(frames[j])) {
                keep++;
            }
        }
        if (i == 0 && keep == frames.length) {
            return frames;
        }
        StackTraceElement[] out = new StackTraceElement[keep];
        int k = 0;
        for (int j = i; j < frames.length; j++) {
            if (!isProfilerHook(frames[j])) {
                out[k++] = frames[j];
            }
        }
        return out;
    }

    private static boolean isJdk(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    private static boolean isProfilerHook(StackTraceElement e) {
        return e.getClassName().startsWith("io.jfrtrace.runtime.");
    }

    /** Loads and links everything a dump needs, so that a dump when memory has run out loads no class. */
    static void warmUp() {
        List<ThreadStack> t = capture(Thread.currentThread(), null, true, null);
        TracebackText.format(TracebackText.fatalHeader("x"), t, true);
        TracebackText.format(TracebackText.timeoutHeader(1_500_000), t, false);
        for (ThreadStack s : t) {
            StackFrames.encode(s.frames());
        }
        write(java.io.OutputStream.nullOutputStream(), new byte[0]);
    }

    private static boolean isMachinery(StackTraceElement e) {
        String c = e.getClassName();
        if (c.startsWith("io.jfrtrace.recorder.faulthandler.") || c.startsWith("io.jfrtrace.api.FaultHandler")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("java.lang.invoke.")) {
            return true;
        }
        if (c.equals("java.lang.Thread")) {
            String m = e.getMethodName();
            return m.equals("getStackTrace") || m.equals("getAllStackTraces") || m.equals("dumpThreads")
                    || m.equals("asyncGetStackTrace");
        }
        return false;
    }
}
