package io.jfrtrace.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The call profiler's clock. Where `record` loaded the native clock library and Linux itself runs on
 * the TSC clocksource (so the kernel found the counter invariant and synchronized across CPUs), it
 * reads the time-stamp counter through one JNI call (about 15 ns here, against 30 ns for
 * System.nanoTime, and every profiled call reads the clock twice). Elsewhere it is System.nanoTime.
 *
 * <p>Ticks become nanoseconds only when counters are flushed, with one rate per process: the
 * counter's advance against System.nanoTime since class initialization, fixed at the first
 * conversion and measured over at least {@link #MIN_CALIBRATION_NANOS}.
 *
 * <p>With {@code --timer cpu} the agent selects {@link ThreadCpuClock} before the first use: the
 * choice is a static final, so the JIT folds it and the wall clock's path stays as it was.
 */
public final class Clock {
    /** Calibration window: 20 ms keeps the rate's error near one part per million. */
    static final long MIN_CALIBRATION_NANOS = 20_000_000L;

    /** Thread CPU time instead of wall time (fixed when the class initializes). */
    private static final boolean CPU = ThreadCpuClock.selected();
    private static final boolean TSC = !CPU && probe();
    private static final long START_NANOS = System.nanoTime();
    private static final long START_TICKS = now();
    private static double nanosPerTick; // 0 until the first conversion fixes it; guarded by Clock.class

    private Clock() {
    }

    /** Current time in ticks of this clock. */
    public static long now() {
        return TSC ? rdtsc() : CPU ? ThreadCpuClock.now() : System.nanoTime();
    }

    /**
     * {@link #now()} as thread {@code t} would read it (closing its open calls from another thread at the end): the
     * same for a wall clock; {@code t}'s CPU time for the CPU clock, -1 if it cannot be had.
     */
    public static long nowOf(Thread t) {
        return CPU && t != null ? ThreadCpuClock.of(t) : now();
    }

    /** Whether the clock reads thread CPU time ({@code --timer cpu}). */
    public static boolean isThreadCpuTime() {
        return CPU;
    }

    /** What {@link #now()} reads, as recorded in the RecordingInfo event. */
    public static String name() {
        return TSC ? "TSC" : CPU ? ThreadCpuClock.name() : "System.nanoTime";
    }

    /** A tick count (or a difference of two) in nanoseconds. */
    public static long toNanos(long ticks) {
        return TSC ? Math.round(ticks * nanosPerTick()) : ticks;
    }

    private static synchronized double nanosPerTick() {
        if (nanosPerTick == 0) {
            long left;
            while ((left = START_NANOS + MIN_CALIBRATION_NANOS - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            long ticks = rdtsc();
            long nanos = System.nanoTime();
            long dt = ticks - START_TICKS;
            nanosPerTick = dt > 0 ? (double) (nanos - START_NANOS) / dt : 1.0;
        }
        return nanosPerTick;
    }

    private static native long rdtsc();

    private static boolean probe() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return false;
        }
        try {
            Path source = Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource");
            if (!Files.readString(source).trim().equals("tsc")) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try {
            long a = rdtsc();
            return rdtsc() >= a;
        } catch (UnsatisfiedLinkError e) {
            return false; // the library is not loaded (attach, no gcc at build time, JFRTRACE_NATIVE=off)
        }
    }
}
