package io.jfrtrace.recorder;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

import io.jfrtrace.recorder.jfr.Flusher;
import jdk.jfr.Recording;

/**
 * A recording started by {@code jfr-trace attach} in a JVM that was already running, and what it changed there: the
 * transformer and the classes it retransformed. {@link #detach} undoes both and ends the recording.
 */
final class Attachment {
    private final Instrumentation inst;
    private final Recording recording;
    private final Flusher flusher;
    private final ProfilingTransformer transformer;
    private final int instrumented;
    final Path output;

    Attachment(Instrumentation inst, Recording recording, Flusher flusher, ProfilingTransformer transformer,
               int instrumented, Path output) {
        this.inst = inst;
        this.recording = recording;
        this.flusher = flusher;
        this.transformer = transformer;
        this.instrumented = instrumented;
        this.output = output;
    }

    /** The classes retransformed when the recording started. */
    int classes() {
        return instrumented;
    }

    /**
     * The program's own bytecode back first (without our transformer, retransformation hands the JVM the class files
     * as they were loaded), so that no call starts in woven code after the last flush; the calls still running in
     * woven code are closed by that flush, as cProfile's disable() closes them. Classes the program loaded while we
     * recorded were woven when loaded: they go back too. Returns the number of classes restored.
     */
    int detach() {
        inst.removeTransformer(transformer);
        int restored = Retransform.all(inst, Agent.instrumentable(inst, transformer), "restore");
        flusher.finish();
        recording.stop();
        flusher.uninstall();
        recording.close();
        return restored;
    }
}
