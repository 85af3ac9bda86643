package io.jfrtrace.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's CPU time in nanoseconds, for {@code --timer cpu} ({@link Clock} reads it when the agent selected
 * it before the clock's first use). Through the native clock library where {@code record} loaded it: one JNI call to
 * {@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}, which Linux serves by a system call (the vDSO has only the
 * process-wide clocks). Elsewhere (attach, JFRTRACE_NATIVE=off) ThreadMXBean.getCurrentThreadCpuTime, which reads the
 * same kernel clock behind more checks.
 */
public final class ThreadCpuClock {
    /** Set by the agent before {@link Clock} is first used; read once, by Clock's initialization. */
    private static volatile boolean selected;

    /** The source, probed at the first use only: a run with the wall clock loads no management classes. */
    private static final class Source {
        static final boolean NATIVE = probe();
        static final ThreadMXBean MX = NATIVE ? null : bean();
    }

    private ThreadCpuClock() {
    }

    /** Makes {@link Clock} read thread CPU time, if Clock is not initialized yet and this JVM can measure it. */
    public static void select() {
        selected = true;
    }

    static boolean selected() {
        return selected && available();
    }

    /** Whether this JVM measures the current thread's CPU time (natively, or through ThreadMXBean). */
    public static boolean available() {
        return Source.NATIVE || Source.MX != null;
    }

    /** The current thread's CPU time (ns). */
    static long now() {
        return Source.NATIVE ? threadCpuNanos() : Source.MX.getCurrentThreadCpuTime();
    }

    /** Another thread's CPU time (ns; closing its open calls at the end), -1 when it cannot be measured (it ended). */
    static long of(Thread t) {
        if (t == Thread.currentThread()) {
            return now();
        }
        ThreadMXBean mx = Source.MX != null ? Source.MX : bean();
        return mx == null ? -1 : mx.getThreadCpuTime(t.getId());
    }

    /** What {@link #now()} reads, as recorded in the RecordingInfo event. */
    static String name() {
        return Source.NATIVE ? "clock_gettime(CLOCK_THREAD_CPUTIME_ID)" : "ThreadMXBean.getCurrentThreadCpuTime";
    }

    private static native long threadCpuNanos();

    private static boolean probe() {
        try {
            return threadCpuNanos() >= 0;
        } catch (UnsatisfiedLinkError e) {
            return false; // the library is not loaded (attach, no gcc at build time, JFRTRACE_NATIVE=off)
        }
    }

    private static ThreadMXBean bean() {
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            if (!mx.isCurrentThreadCpuTimeSupported() || !mx.isThreadCpuTimeSupported()) {
                return null;
            }
            if (!mx.isThreadCpuTimeEnabled()) {
                mx.setThreadCpuTimeEnabled(true);
            }
            return mx;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
