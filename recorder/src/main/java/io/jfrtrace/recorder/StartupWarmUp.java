package io.jfrtrace.recorder;

import java.util.concurrent.TimeUnit;

import io.jfrtrace.recorder.faulthandler.FaultAgent;
import io.jfrtrace.recorder.options.AgentOptions;

/**
 * Start-up work that holds no state, done on a thread of its own while the JVM's flight recorder starts (the recording's
 * creation takes most of the agent's start, on one core): the fault handler's warm-ups and the first ASM round trip,
 * about 0.2 s that otherwise came after it. The agent waits for it before the program's main runs, so the program
 * never races it: an out-of-memory error in main's first milliseconds still finds the fault handler warm.
 */
final class StartupWarmUp {
    private static final long MAX_WAIT_SECONDS = 10;

    private StartupWarmUp() {
    }

    /** The warm-up thread, started; null when there is nothing to warm. */
    static Thread start(AgentOptions options) {
        boolean weaves = options.profile || options.allocFrames > 0 || options.lines || options.trace;
        if (!weaves && !options.fault.faulthandler) {
            return null;
        }
        Thread t = new Thread(() -> {
            FaultAgent.prepare(options.fault);
            if (weaves) {
                ClassInstrumenter.warmUp();
            }
        }, "jfr-trace start-up");
        t.setDaemon(true);
        FaultAgent.hideFromDumps(t);
        t.start();
        return t;
    }

    /** Waits for {@code t} (bounded: a warm-up is only an optimisation). */
    static void await(Thread t) {
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
