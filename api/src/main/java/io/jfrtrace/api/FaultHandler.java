package io.jfrtrace.api;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Python's {@code faulthandler} module for the JVM. Compile against {@code jfr-trace-api.jar}.
 * Under the jfr-trace agent every dump is also written to the recording as
 * {@code jfrtrace.ThreadDump}/{@code jfrtrace.ThreadStack} events; without it the functions still
 * work and print faulthandler's text to {@code out} (null: nothing printed), but nothing is recorded.
 *
 * <p>Signals: only those HotSpot leaves alone ({@code USR1}, {@code HUP}, {@code WINCH}, ...);
 * {@code USR2}, {@code QUIT}, {@code SEGV}, {@code BUS}, {@code ILL}, {@code FPE}, {@code ABRT},
 * {@code INT}, {@code TERM}, {@code KILL}, {@code STOP} are refused with an
 * {@code IllegalArgumentException}.
 */
public final class FaultHandler {
    private static final String RUNTIME = "io.jfrtrace.recorder.faulthandler.FaultRuntime";
    private static volatile Class<?> agentRuntime;

    private FaultHandler() {
    }

    /** {@code dump_traceback(file, all_threads)}: dumps now (reason {@code request}). */
    public static void dumpTraceback(PrintStream out, boolean allThreads) {
        if (agent() != null) {
            call("dumpTraceback", new Class<?>[] {OutputStream.class, boolean.class}, out, allThreads);
        } else {
            LocalFaultHandler.dumpTraceback(out, allThreads);
        }
    }

    /** {@code dump_traceback(sys.stderr)}: all threads to stderr. */
    public static void dumpTraceback() {
        dumpTraceback(System.err, true);
    }

    /** {@code enable(sys.stderr, all_threads=True)}. */
    public static void enable() {
        enable(System.err, true);
    }

    /** {@code enable(file, all_threads)}: dump on fatal errors (uncaught exceptions, out of memory, stack overflow). */
    public static void enable(PrintStream out, boolean allThreads) {
        if (agent() != null) {
            call("enable", new Class<?>[] {OutputStream.class, boolean.class}, out, allThreads);
        } else {
            LocalFaultHandler.enable(out, allThreads);
        }
    }

    public static void disable() {
        if (agent() != null) {
            call("disable", new Class<?>[0]);
        } else {
            LocalFaultHandler.disable();
        }
    }

    public static boolean isEnabled() {
        if (agent() != null) {
            return (Boolean) call("isEnabled", new Class<?>[0]);
        }
        return LocalFaultHandler.isEnabled();
    }

    /**
     * {@code dump_traceback_later(timeout, repeat, file, exit)}: dumps all threads after
     * {@code timeout} (again every timeout with {@code repeat}); with {@code exit} the JVM then
     * exits with status 1. Replaces a pending one.
     */
    public static void dumpTracebackLater(Duration timeout, boolean repeat, PrintStream out, boolean exit) {
        long micros = toMicros(timeout);
        if (agent() != null) {
            call("dumpTracebackLater", new Class<?>[] {long.class, boolean.class, OutputStream.class, boolean.class},
                    micros, repeat, out, exit);
        } else {
            LocalFaultHandler.dumpTracebackLater(micros, repeat, out, exit);
        }
    }

    public static void cancelDumpTracebackLater() {
        if (agent() != null) {
            call("cancelDumpTracebackLater", new Class<?>[0]);
        } else {
            LocalFaultHandler.cancelDumpTracebackLater();
        }
    }

    /** {@code register(signum, file, all_threads, chain)}; {@code signal} as {@code "USR1"} or {@code "SIGUSR1"}. */
    public static void register(String signal, PrintStream out, boolean allThreads, boolean chain) {
        if (agent() != null) {
            call("register", new Class<?>[] {String.class, OutputStream.class, boolean.class, boolean.class},
                    signal, out, allThreads, chain);
        } else {
            LocalFaultHandler.register(signal, out, allThreads, chain);
        }
    }

    /** {@code unregister(signum)}: true if a handler was registered. */
    public static boolean unregister(String signal) {
        if (agent() != null) {
            return (Boolean) call("unregister", new Class<?>[] {String.class}, signal);
        }
        return LocalFaultHandler.unregister(signal);
    }

    /** Whether the dumps also go to a jfr-trace recording. */
    public static boolean isRecording() {
        return agent() != null;
    }

    /** Microseconds rounded away from zero, like faulthandler; must be positive. */
    static long toMicros(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout must be greater than 0");
        }
        long micros = d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        return d.getNano() % 1000 != 0 ? micros + 1 : micros;
    }

    private static Class<?> agent() {
        Class<?> c = agentRuntime;
        if (c != null) {
            return c;
        }
        try {
            c = Class.forName(RUNTIME, true, ClassLoader.getSystemClassLoader());
            if ((Boolean) c.getMethod("agentActive").invoke(null)) {
                agentRuntime = c;
                return c;
            }
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            // no agent
        }
        return null;
    }

    private static Object call(String name, Class<?>[] types, Object... args) {
        try {
            Method m = agentRuntime.getMethod(name, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jfr-trace agent does not match this API: " + e, e);
        }
    }
}
