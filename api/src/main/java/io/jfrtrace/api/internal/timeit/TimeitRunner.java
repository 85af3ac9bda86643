package io.jfrtrace.api.internal.timeit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.LongSupplier;

import io.jfrtrace.api.Timeit;

/**
 * The main class of the JVM that {@code jfr-trace timeit} starts: times the compiled snippet (a {@link Timeit.Inner}
 * named on the command line) with {@link Timeit.Timer}, as {@code timeit.main} does, and writes what it measured to
 * a file for jfr-trace to print, so that the snippet keeps the JVM's stdout and stderr to itself. Not an API.
 *
 * <p>Arguments: {@code CLASS NUMBER REPEAT wall|cpu RESULT_FILE}; NUMBER 0 runs autorange first. The file's lines:
 * {@code started}, {@code trial N SECONDS} per autorange trial, {@code number N}, {@code raw SECONDS} per repeat
 * (SECONDS as {@link Double#toString}, which reads back exactly). Exit 1 when the snippet throws.
 */
public final class TimeitRunner {
    private TimeitRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[4]);
        append(result, "started\n"); // without it, jfr-trace knows the JVM never got here
        Timeit.Inner inner = (Timeit.Inner) Class.forName(args[0]).getConstructor().newInstance();
        long number = Long.parseLong(args[1]);
        int repeat = Integer.parseInt(args[2]);
        Timeit.Timer timer = Timeit.ofInner(inner, args[3].equals("cpu") ? threadCpuTime() : Timeit.defaultTimer);
        StringBuilder lines = new StringBuilder();
        try {
            if (number == 0) {
                number = timer.autorange((n, t) -> lines.append("trial ").append(n).append(' ').append(t).append('\n'))
                        .number();
            }
            lines.append("number ").append(number).append('\n');
            for (double t : timer.repeat(repeat, number)) {
                lines.append("raw ").append(t).append('\n');
            }
        } catch (Throwable t) {
            withoutGeneratedFrames(t, args[0]);
            t.printStackTrace();
            System.exit(1);
        }
        append(result, lines.toString());
    }

    /** {@code -p}: the timing thread's CPU time (CPython's is the process's; a JVM's other threads would count). */
    private static LongSupplier threadCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads::getCurrentThreadCpuTime;
    }

    /** The user's frames only: this runner's, the timer's and the generated class's are noise to them. */
    private static void withoutGeneratedFrames(Throwable t, String generated) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            e.setStackTrace(Arrays.stream(e.getStackTrace())
                    .filter(f -> !f.getClassName().equals(generated) && !f.getClassName().startsWith("io.jfrtrace.api."))
                    .toArray(StackTraceElement[]::new));
            if (e.getCause() == e) {
                break;
            }
        }
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
