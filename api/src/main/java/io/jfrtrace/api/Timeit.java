package io.jfrtrace.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Python's {@code timeit} module for Java: {@link Timer} times a statement (a lambda) after a setup, {@code number}
 * times in a loop; {@link Timer#repeat} does that several times and {@link Timer#autorange} finds a {@code number}
 * that takes at least 0.2 s, as CPython does (1, 2, 5, 10, 20, 50, ...). Times are in seconds, as Python's. Works
 * with or without the agent: nothing here is recorded.
 *
 * <p>The JIT must not remove the work it times: the value the statement returns is given to a {@link Blackhole},
 * which the compiler cannot see through. A statement that returns nothing ({@link Statement#of(Action)}) must have
 * an effect of its own. The loop calls the statement through an interface; a JVM that times many different lambdas
 * at the same call site may stop inlining them (as in any harness without code generation), which
 * {@code jfr-trace timeit} avoids by compiling the statement into its own loop ({@link #ofInner}).
 */
public final class Timeit {
    /** {@code timeit.default_number}. */
    public static final long DEFAULT_NUMBER = 1_000_000;
    /** {@code timeit.default_repeat}. */
    public static final int DEFAULT_REPEAT = 5;
    /** {@code timeit.default_timer}: nanoseconds of {@link System#nanoTime}, the JVM's monotonic clock. */
    public static final LongSupplier defaultTimer = System::nanoTime;
    /** Autorange stops at the first total at least this long (seconds), as CPython's. */
    static final double AUTORANGE_TARGET = 0.2;

    private Timeit() {
    }

    /** The timed code; its value is consumed so that the JIT cannot remove the work. */
    @FunctionalInterface
    public interface Statement {
        Object run() throws Throwable;

        /** A statement without a value. */
        static Statement of(Action action) {
            return () -> {
                action.run();
                return null;
            };
        }
    }

    /** Code without a value: a setup, or a statement run for its effect. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    /**
     * CPython's compiled {@code inner(_it, _timer)}: runs the setup, reads the timer, runs the statement
     * {@code number} times, reads the timer again and returns the difference (in the timer's units, nanoseconds).
     */
    @FunctionalInterface
    public interface Inner {
        long time(long number, LongSupplier timer) throws Throwable;
    }

    /** {@code autorange}'s callback, called after each trial. */
    @FunctionalInterface
    public interface Callback {
        void trial(long number, double timeTaken);
    }

    /** What {@code autorange} returns: the loop count it settled on and that trial's total time in seconds. */
    public record Range(long number, double timeTaken) {
    }

    /** {@code timeit.timeit(stmt, setup, number=number)}. */
    public static double timeit(Statement stmt, Action setup, long number) throws Throwable {
        return new Timer(stmt, setup).timeit(number);
    }

    /** {@code timeit.repeat(stmt, setup, repeat=repeat, number=number)}. */
    public static List<Double> repeat(Statement stmt, Action setup, int repeat, long number) throws Throwable {
        return new Timer(stmt, setup).repeat(repeat, number);
    }

    /** A timer of code that times itself: what {@code jfr-trace timeit} compiles from the command line. */
    public static Timer ofInner(Inner inner, LongSupplier timer) {
        return new Timer(inner, timer);
    }

    /** {@code timeit.Timer}. */
    public static final class Timer {
        private final Inner inner;
        private final LongSupplier timer;

        public Timer(Statement stmt) {
            this(stmt, () -> { }, defaultTimer);
        }

        public Timer(Statement stmt, Action setup) {
            this(stmt, setup, defaultTimer);
        }

        /** {@code timer} returns nanoseconds (any origin); differences of two readings are timings. */
        public Timer(Statement stmt, Action setup, LongSupplier timer) {
            this(loop(stmt, setup), timer);
        }

        private Timer(Inner inner, LongSupplier timer) {
            this.inner = inner;
            this.timer = timer;
        }

        /** CPython's template, with the statement's value consumed. */
        private static Inner loop(Statement stmt, Action setup) {
            Blackhole blackhole = new Blackhole();
            return (number, clock) -> {
                setup.run();
                long t0 = clock.getAsLong();
                for (long i = 0; i < number; i++) {
                    blackhole.consume(stmt.run());
                }
                long t1 = clock.getAsLong();
                return t1 - t0;
            };
        }

        /** The total time in seconds of {@code number} executions of the statement (after one setup). */
        public double timeit(long number) throws Throwable {
            // nanoseconds to seconds as CPython's perf_counter does (a division, not a multiplication by 1e-9)
            return inner.time(number, timer) / 1e9;
        }

        /** {@code repeat} results of {@link #timeit(long)}; as in CPython, take the minimum, not the mean. */
        public List<Double> repeat(int repeat, long number) throws Throwable {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                times.add(timeit(number));
            }
            return times;
        }

        /**
         * Times 1, 2, 5, 10, 20, 50, ... loops until a total reaches 0.2 s; calls {@code callback} (may be null) after
         * each trial. These trials are the warm-up too: by the last the JIT has compiled the loop.
         */
        public Range autorange(Callback callback) throws Throwable {
            for (long i = 1; ; i *= 10) {
                for (int j : new int[] {1, 2, 5}) {
                    long number = i * j;
                    double timeTaken = timeit(number);
                    if (callback != null) {
                        callback.trial(number, timeTaken);
                    }
                    if (timeTaken >= AUTORANGE_TARGET) {
                        return new Range(number, timeTaken);
                    }
                }
            }
        }
    }
}
