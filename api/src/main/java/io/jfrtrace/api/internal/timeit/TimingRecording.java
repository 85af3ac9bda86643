package io.jfrtrace.api.internal.timeit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.jfrtrace.schema.TimeitRepeatEvent;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * The timing JVM's own flight recording: jfr-trace's {@link TimeitRepeatEvent}s beside the JVM's GC pauses,
 * compilations and deoptimisations, so that jfr-trace can say which repeats they fell in. It starts on a thread of
 * its own (about 0.3 s) while the JVM loads the snippet, and the timing waits for it: the warm-up's compilations are
 * in the recording too, and JFR's start does not take a core from the autorange trials.
 */
final class TimingRecording {
    private final CompletableFuture<Recording> started;

    private TimingRecording(CompletableFuture<Recording> started) {
        this.started = started;
    }

    /** Starts recording into {@code file} in the background (the JVM's repository is set by whoever started it). */
    static TimingRecording startInBackground(Path file) {
        CompletableFuture<Recording> started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                // registered (and so instrumented by JFR, with ASM) now, not at the first timed call's first event
                FlightRecorder.register(TimeitRepeatEvent.class);
                Recording r = new Recording();
                r.setName("jfr-trace timeit");
                r.enable(TimeitRepeatEvent.class).withoutStackTrace();
                r.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
                // every compilation, however short: a compile of the timed method during a repeat changes its code
                r.enable("jdk.Compilation").withThreshold(Duration.ZERO).withoutStackTrace();
                r.enable("jdk.Deoptimization").withoutStackTrace();
                r.setDestination(file);
                r.start();
                started.complete(r);
            } catch (Throwable e) { // no JFR in this JVM (-XX:-FlightRecorder), an unwritable file: time without it
                started.completeExceptionally(e);
            }
        }, "jfr-trace timeit recording");
        t.setDaemon(true);
        t.start();
        return new TimingRecording(started);
    }

    /** Waits until the recording runs; the reason it could not start, or null. */
    String awaitStarted() throws InterruptedException {
        try {
            started.get();
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }

    /** Stops the recording, which writes it to its file. */
    void stop() throws InterruptedException {
        if (awaitStarted() == null) {
            started.join().stop();
        }
    }
}
