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
import io.jfrtrace.schema.TimeitRepeatEvent;

/**
 * The main class of the JVM that {@code jfr-trace timeit} starts: times the compiled snippet (a {@link Timeit.Inner}
 * named on the command line) with {@link Timeit.Timer}, as {@code timeit.main} does, and writes what it measured to
 * a file for jfr-trace to print, so that the snippet keeps the JVM's stdout and stderr to itself. Each timed call is
 * also a {@link TimeitRepeatEvent} in a flight recording of the run ({@link TimingRecording}). Not an API.
 *
 * <p>Arguments: {@code CLASS NUMBER REPEAT wall|cpu RESULT_FILE JFR_FILE READY_FILE}; NUMBER 0 runs autorange
 * first; CLASS is loaded once READY_FILE exists (jfr-trace compiles it while this JVM starts). The
 * result file's lines: {@code started}, {@code trial N SECONDS} per autorange trial, {@code number N}, {@code raw
 * SECONDS} per repeat (SECONDS as {@link Double#toString}, which reads back exactly), and {@code unrecorded REASON}
 * when the flight recording could not start. Exit 1 when the snippet throws.
 */
public final class TimeitRunner {
    /** Enough loops for the interpreter's back-branch counter to reach the JIT twice (it does every 1024). */
    private static final long WARM_CALL_LOOPS = 4096;

    private TimeitRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args[4]);
        append(result, "started\n"); // without it, jfr-trace knows the JVM never got here
        TimingRecording recording = TimingRecording.startInBackground(Path.of(args[5]));
        ClassesReady.await(Path.of(args[6]));
        Timeit.Inner inner = (Timeit.Inner) Class.forName(args[0]).getConstructor().newInstance();
        long number = Long.parseLong(args[1]);
        int repeat = Integer.parseInt(args[2]);
        Recorded recorded = new Recorded(inner);
        Timeit.Timer timer = Timeit.ofInner(recorded, args[3].equals("cpu") ? threadCpuTime() : Timeit.defaultTimer);
        StringBuilder lines = new StringBuilder();
        String unrecorded = recording.awaitStarted();
        if (unrecorded != null) {
            lines.append("unrecorded ").append(unrecorded.replace('\n', ' ')).append('\n');
        }
        try {
            if (number == 0) {
                recorded.phase(TimeitRepeatEvent.AUTORANGE);
                number = timer.autorange((n, t) -> lines.append("trial ").append(n).append(' ').append(t).append('\n'))
                        .number();
                // One more short call, not recorded: HotSpot compiles the timing method itself (not only its loop, by
                // on-stack replacement) when a new call's loop finds the loop's C2 code, here rather than in repeat 1.
                inner.time(Math.min(number, WARM_CALL_LOOPS), Timeit.defaultTimer);
            }
            JitQuiet.await();
            lines.append("number ").append(number).append('\n');
            recorded.phase(TimeitRepeatEvent.REPEAT);
            for (double t : timer.repeat(repeat, number)) {
                lines.append("raw ").append(t).append('\n');
            }
        } catch (Throwable t) {
            withoutGeneratedFrames(t, args[0]);
            t.printStackTrace();
            System.exit(1);
        }
        recording.stop();
        append(result, lines.toString());
    }

    /** The snippet's timed call inside a {@link TimeitRepeatEvent}: one event per call, nothing per loop. */
    private static final class Recorded implements Timeit.Inner {
        private final Timeit.Inner inner;
        private String phase;
        private int index;

        Recorded(Timeit.Inner inner) {
            this.inner = inner;
        }

        void phase(String phase) {
            this.phase = phase;
            this.index = 0;
        }

        @Override
        public long time(long number, LongSupplier timer) throws Throwable {
            TimeitRepeatEvent e = new TimeitRepeatEvent();
            e.begin();
            long ns = inner.time(number, timer);
            e.end();
            e.phase = phase;
            e.index = ++index;
            e.number = number;
            e.seconds = ns / 1e9;
            e.commit();
            return ns;
        }
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
