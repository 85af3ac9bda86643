package io.jfrtrace.api.internal.timeit;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Waits before the repeats until the JIT has been idle for a moment: the compilations that the warm-up and the
 * flight recorder's start queued would otherwise run on another core during the first repeats, and swap the timed
 * code under them. Bounded: a JIT that never goes quiet costs at most {@link #LIMIT_MILLIS}.
 */
final class JitQuiet {
    private static final long QUIET_MILLIS = 50;
    private static final long LIMIT_MILLIS = 1000;

    private JitQuiet() {
    }

    static void await() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
        long last = jit.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(10);
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_MILLIS * 1_000_000) {
                return;
            }
        }
    }
}
