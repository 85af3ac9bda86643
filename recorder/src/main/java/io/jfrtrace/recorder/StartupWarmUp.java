package io.jfrtrace.recorder;

import java.util.concurrent.TimeUnit;

import io.jfrtrace.recorder.faulthandler.FaultAgent;
import io.jfrtrace.recorder.options.AgentOptions;

/**
 * Start-up work that holds no state, done on a thread of its own while the JVM's flight recorder starts (the recording's
 * creation takes most of the agent's start, on one core): the fault handler's warm-ups (about 0.1 s that otherwise came
 * after it), and ASM's code run until the recording has started (at most 0.15 s), so that the JIT has compiled it before the program's
 * classes are transformed. The agent waits for the fault handler's part before the program's main runs, so the program
 * never races it: an out-of-memory error in main's first milliseconds still finds the fault handler warm.
 */
final class StartupWarmUp {
    private static final long MAX_WAIT_SECONDS = 10;
    /**
     * ASM's warm-up stops after this long even if JFR is still starting: on a loaded machine it takes the CPU from
     * JFR's start (alternating runs at load 7: the hello-world 2.86 s unbounded, 2.54 s bounded, 2.61 s without; the
     * ANTLR tool 8.06, 7.66 and 9.58 s).
     */
    private static final long ASM_BUDGET_NANOS = 150_000_000L;

    private static volatile boolean started;

    private StartupWarmUp() {
    }

    /**
     * The warm-up thread, started; null when there is nothing to warm.
     *
     * @param transformer the run's class transformer, whose reading and writing of class files is warmed; null when the
     *                    run weaves nothing
     */
    static Thread start(AgentOptions options, ProfilingTransformer transformer) {
        if (transformer == null && !options.fault.faulthandler) {
            return null;
        }
        Thread t = new Thread(() -> {
            FaultAgent.prepare(options.fault);
            if (transformer != null) {
                long t0 = System.nanoTime();
                transformer.warmUp(() -> started || System.nanoTime() - t0 > ASM_BUDGET_NANOS);
            }
        }, "jfr-trace start-up");
        t.setDaemon(true);
        FaultAgent.hideFromDumps(t);
        t.start();
        return t;
    }

    /** The recording has started: ends ASM's warm-up, and waits for {@code t} (bounded: only an optimisation). */
    static void await(Thread t) {
        started = true;
        if (t == null) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
