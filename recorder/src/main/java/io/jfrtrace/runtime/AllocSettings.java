package io.jfrtrace.runtime;

import java.lang.instrument.Instrumentation;

/**
 * What the agent asked of allocation tracing: set once by {@link AllocTracker#start} before any class
 * is instrumented, read everywhere after. Plain statics rather than an object: each read on the hot
 * path stays one load.
 */
final class AllocSettings {
    static volatile boolean enabled;
    /** The traceback limit (tracemalloc's nframe). */
    static int nframe = 1;
    /** One weak reference per object instead of sampled ones. */
    static boolean exact;
    /** Call profiling counts built-in frames, which allocation tracebacks leave out. */
    static boolean builtins;
    /** Call profiling is on: deep tracebacks come from its shadow stack, not the light one. */
    static boolean profile = true;
    /** Mean distance in bytes between two liveness samples of a traceback. */
    static long sampleBytes = 64 * 1024;
    static Instrumentation inst;

    private AllocSettings() {
    }

    /**
     * The Instrumentation as a constant for the hot path. Initialized on first use, which is an
     * allocation after {@link AllocTracker#start} (only instrumented code counts): C2 folds a static
     * final of an initialized class, so {@code getObjectSize} needs no load and no type check of its
     * receiver: per allocation C2 has then one type guard and one load fewer (checked in its code on JDK 25).
     */
    static final class Size {
        static final Instrumentation OF = inst;

        private Size() {
        }
    }
}
