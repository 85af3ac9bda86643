package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.ThreadProfile.IT;
import static io.jfrtrace.runtime.ThreadProfile.TT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * --calibrate's clock: with biases far larger than the real time the calls take (milliseconds of clock at most, here),
 * the times are the biases' arithmetic: a call's own time loses the callee part once and the caller part per call it
 * made, its total time both parts per call made within it.
 */
class CalibratedProfilerTest {
    private static final long CALLER = 1L << 40;
    private static final long CALLEE = 1L << 36;
    /** What the real clock may add in between (at most 2^30 ticks or ns: about a second at most). */
    private static final long SLACK = 1L << 30;

    @AfterEach
    void noBias() {
        CalibratedProfiler.setBias(0, 0);
        CalibratedProfiler.forgetThisThread();
    }

    @Test
    void ownTimeLosesTheCalleePartOnceAndTheCallerPartPerCallMade() throws Exception {
        int f = FunctionRegistry.register("F.java", 1, "F.f");
        int g = FunctionRegistry.register("G.java", 1, "G.g");
        int h = FunctionRegistry.register("H.java", 1, "H.h");
        Thread t = new Thread(() -> {
            CalibratedProfiler.setBias(CALLER, CALLEE);
            ThreadProfile p = CalibratedProfiler.enter(f); // f calls g twice; g calls h once each time
            for (int i = 0; i < 2; i++) {
                CalibratedProfiler.enter(g);
                CalibratedProfiler.enter(h);
                CalibratedProfiler.exit(p, h);
                CalibratedProfiler.exit(p, g);
            }
            CalibratedProfiler.exit(p, f);
            long[] fn = p.fn;
            // h: no calls of its own
            assertNear(-2 * CALLEE, fn[(h << 3) + IT]);
            assertNear(-2 * CALLEE, fn[(h << 3) + TT]);
            // g (two calls): each its callee part and one caller part for its call of h
            assertNear(-2 * (CALLEE + CALLER), fn[(g << 3) + IT]);
            assertNear(-2 * (CALLEE + CALLER) - 2 * CALLEE, fn[(g << 3) + TT]);
            // f: its callee part and the caller part of its two calls; in total, both parts of the four calls within
            assertNear(-CALLEE - 2 * CALLER, fn[(f << 3) + IT]);
            assertNear(-CALLEE - 4 * (CALLER + CALLEE), fn[(f << 3) + TT]);
        });
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }

    private static void assertNear(long expected, long actual) {
        // the biases' arithmetic is exact; the real clock only adds a little (never subtracts)
        long real = actual - expected;
        assertEquals(true, real >= 0 && real < SLACK, "expected " + expected + " plus a little, got " + actual);
    }
}
