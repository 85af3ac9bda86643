package io.jfrtrace.recorder;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

import io.jfrtrace.runtime.CalibratedProfiler;
import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.FunctionRegistry;

/**
 * {@code --calibrate}: measures what the profiler's hooks cost per call, as profile.Profile.calibrate does, and gives it
 * to {@link CalibratedProfiler}. {@link CalibrationTarget}'s {@code f(m)} runs plain and woven with the hooks the
 * program's calls will run, CalibratedProfiler's (their biases still zero, so they take nothing out yet), in
 * rounds, until the JIT has compiled both; over the fastest rounds of the second half, per call of the leaf, in the
 * profiler clock's units: the whole cost is the woven round less the plain one, and the callee's part the leaf's own
 * time less the plain round (all of which is counted as the leaf's work: the part is never overstated), the caller's
 * part the rest. It runs on a thread of its own while JFR starts; the woven calls go to that thread's profile, which is
 * forgotten before the first flush.
 */
final class Calibration {
    private static final int CALLS_PER_ROUND = 10_000;
    private static final int ROUNDS = 200; // fewer (60) overstated the cost on JDK 25: C2 had not finished with the target

    private Calibration() {
    }

    /** The thread measuring; {@link #await} sets the bias. */
    static Thread start() {
        Thread t = new Thread(Calibration::measure, "jfr-trace calibration");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the measurement (it must end before the first flush). */
    static void await(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Measures the hooks' cost per call and sets it (none if it cannot be measured). */
    static void measure() {
        try {
            byte[] plainBytes = target();
            int firstId = FunctionRegistry.count();
            byte[] wovenBytes = woven(plainBytes);
            Method plain = define(plainBytes).getMethod("f", int.class);
            Method woven = define(wovenBytes).getMethod("f", int.class);
            int leaf = leafId(firstId);
            long[] plainTimes = new long[ROUNDS];
            long[] wovenTimes = new long[ROUNDS];
            long[] leafTimes = new long[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                plainTimes[r] = time(plain);
                long leafBefore = CalibratedProfiler.ownTime(leaf);
                wovenTimes[r] = time(woven);
                leafTimes[r] = CalibratedProfiler.ownTime(leaf) - leafBefore;
            }
            long bestPlain = best(plainTimes);
            long[] bias = split((best(wovenTimes) - bestPlain) / CALLS_PER_ROUND,
                    (best(leafTimes) - bestPlain) / CALLS_PER_ROUND);
            CalibratedProfiler.setBias(bias[0], bias[1]);
        } catch (Throwable t) {
            System.err.println("jfr-trace agent: --calibrate could not measure the profiler's cost (" + t
                    + "): the times are not calibrated");
        } finally {
            CalibratedProfiler.forgetThisThread();
        }
    }

    /** The target's class file. */
    static byte[] target() throws java.io.IOException {
        try (InputStream in = Calibration.class.getResourceAsStream("CalibrationTarget.class")) {
            return in.readAllBytes();
        }
    }

    /** The target woven with the hooks the program's calls run under {@code --calibrate}: CalibratedProfiler's. */
    static byte[] woven(byte[] plainBytes) {
        return new ClassInstrumenter(false, name -> false, new BuiltinRegistry(), FrameHooks.CALIBRATED, 0, false, false,
                null).instrument(plainBytes, Calibration.class.getClassLoader());
    }

    /**
     * {caller's part, callee's part} of a call's cost {@code whole}, given the leaf's own time beyond the plain round
     * {@code leafExtra}: neither part negative, and together never more than the whole (a noisy leaf measurement
     * must not make the calibration take out more than the hooks cost).
     */
    static long[] split(long whole, long leafExtra) {
        long total = Math.max(0, whole);
        long callee = Math.min(Math.max(0, leafExtra), total);
        return new long[] {total - callee, callee};
    }

    /** The fastest of the second half of the rounds (the JIT has compiled both versions by then). */
    private static long best(long[] rounds) {
        return Arrays.stream(rounds, ROUNDS / 2, ROUNDS).min().getAsLong();
    }

    /** The woven leaf's function id, registered when the target was woven. */
    private static int leafId(int firstId) {
        for (int id = firstId; id < FunctionRegistry.count(); id++) {
            if (FunctionRegistry.name(id).endsWith(".f1")) {
                return id;
            }
        }
        throw new IllegalStateException("the calibration's leaf was not woven");
    }

    private static long time(Method f) throws ReflectiveOperationException {
        long t0 = Clock.now();
        f.invoke(null, CALLS_PER_ROUND);
        return Clock.now() - t0;
    }

    private static Class<?> define(byte[] bytes) {
        return new ClassLoader(null) {
            Class<?> define() {
                return defineClass(null, bytes, 0, bytes.length);
            }
        }.define();
    }
}
