package io.jfrtrace.recorder;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.privatefiles.PrivateFile;
import io.jfrtrace.recorder.faulthandler.FaultAgent;
import io.jfrtrace.recorder.jfr.Flusher;
import io.jfrtrace.recorder.options.AgentOptions;
import io.jfrtrace.runtime.AllocTracker;
import io.jfrtrace.runtime.CallTree;
import io.jfrtrace.runtime.LineTracer;
import io.jfrtrace.schema.TimerMode;
import io.jfrtrace.schema.agent.AgentKeys;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** Starts the recording, the flusher and the class transformer. */
final class Agent {
    private Agent() {
    }

    static String version() {
        String v = Agent.class.getPackage() == null ? null : Agent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Stock events that sample what allocation tracing counts; off in named settings with --alloc. */
    static final List<String> STOCK_ALLOCATION_SAMPLERS = List.of("jdk.ObjectAllocationSample", "jdk.OldObjectSample");

    /** Starts the recording; under attach, returns what {@link Attachment#detach} undoes (null if nothing started). */
    static Attachment start(AgentOptions options, Instrumentation inst, boolean attach) {
        boolean weaves = options.profile || options.allocFrames > 0 || options.lines || options.trace;
        ProfilingTransformer transformer = weaves ? new ProfilingTransformer(options, attach) : null;
        Thread warmUp = StartupWarmUp.start(options, transformer);
        try {
            return startRecording(options, inst, attach, transformer);
        } finally {
            StartupWarmUp.await(warmUp);
        }
    }

    /** @param transformer the run's class transformer, added once the recording runs; null: nothing to instrument */
    private static Attachment startRecording(AgentOptions options, Instrumentation inst, boolean attach,
                                             ProfilingTransformer transformer) {
        Recording recording;
        Flusher flusher;
        Path output = Path.of(options.outputFile(ProcessHandle.current().pid())).toAbsolutePath();
        try {
            Recording r;
            if ("none".equals(options.settings)) {
                r = new Recording(); // no stock event enabled: jfr-trace's own events only
            } else if ("default".equals(options.settings) || "profile".equals(options.settings)) {
                r = new Recording(Configuration.getConfiguration(options.settings));
                if (options.allocFrames > 0) {
                    // The JVM's own allocation samplers estimate what --alloc records exactly, and on
                    // allocation-heavy code they add to its cost (JDK 25 AllocBench, 12 JVMs: 1.30x
                    // of the plain run with them, 1.25x without). A .jfc file keeps what it says.
                    for (String sampler : STOCK_ALLOCATION_SAMPLERS) {
                        r.disable(sampler);
                    }
                }
            } else {
                r = new Recording(Configuration.create(Path.of(options.settings)));
            }
            recording = r;
            r.setName("jfr-trace");
            TimerMode timer = options.profile ? Timers.start(options.timer, r) : TimerMode.WALL;
            // measured while the flusher is set up, on the clock the timer fixed; over before the first flush
            Thread calibration = options.profile && options.calibrate ? Calibration.start() : null;
            flusher = new Flusher(version(), options.raw);
            flusher.timerMode(timer);
            if (options.profile && options.callTree > 0) {
                CallTree.start(options.callTree);
                flusher.callTrees();
            }
            if (options.allocFrames > 0) {
                AllocTracker.start(inst, options.allocFrames, options.allocExact, options.allocSampleBytes,
                        options.builtins, options.profile);
                flusher.allocation(options.snapshotIntervalMillis);
            }
            if (options.lines) {
                flusher.lines();
            }
            flusher.install(r, options.flushIntervalMillis);
            FaultAgent.enableEvents(r, options.fault);
            r.setToDisk(true);
            // The recording holds every environment variable and JVM argument. JFR creates a missing
            // destination with the umask's mode (0666 under umask 000), and keeps the mode of a file that
            // is there (JDK 17 and 25): so it is created here, the owner's alone, before JFR sees it.
            PrivateFile.create(output);
            r.setDestination(output);
            if (calibration != null) {
                Calibration.await(calibration); // its thread's calls must be forgotten before the first flush
            }
            r.start();
        } catch (Throwable t) {
            if (attach) { // said by jfr-trace attach, not on the program's stderr
                throw new IllegalStateException("cannot start the JFR recording: " + t, t);
            }
            System.err.println("jfr-trace agent: cannot start the JFR recording: " + t);
            ParentWatch.start(options.parentPid);
            return null;
        }
        // After the recording started: if record is already gone, the SIGTERM this raises still
        // leaves a complete recording (JFR's shutdown hook writes it).
        ParentWatch.start(options.parentPid);
        for (String w : options.warnings) {
            System.err.println(w);
        }
        if (options.allocFrames > 0 && options.snapshotSignal != null) {
            if (options.snapshotSignal.equals(options.fault.effectiveSignal())) {
                // One handler per signal: an explicit snapshot signal wins over the default dump signal.
                options.fault.dumpSignal = AgentKeys.NO_SIGNAL;
                System.err.println("jfr-trace agent: SIG" + options.snapshotSignal
                        + " takes allocation snapshots; thread dumps on a signal are off (choose another dumpSignal)");
            }
            installSignal(options.snapshotSignal);
        }
        startFaultHandler(options, recording);
        if (transformer == null) {
            return null; // nothing to instrument
        }
        if (options.trace) {
            LineTracer.start(options.traceTiming);
        }
        inst.addTransformer(transformer, true);
        int retransformed = attach ? retransformLoaded(inst, transformer) : 0;
        if (!options.quiet) {
            System.err.println("jfr-trace agent: recording to " + output);
        }
        return attach ? new Attachment(inst, recording, flusher, transformer, retransformed, output) : null;
    }

    /** Takes a "signal" snapshot on each {@code SIG<name>} (handler runs on an ordinary Java thread). */
    private static void installSignal(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> AllocTracker.snapshot("signal", "signal"));
        } catch (Throwable t) {
            System.err.println("jfr-trace agent: cannot handle SIG" + name + " for snapshots: " + t.getMessage());
        }
    }

    private static void startFaultHandler(AgentOptions options, Recording r) {
        try {
            FaultAgent.start(options.fault, r);
        } catch (Throwable t) {
            System.err.println("jfr-trace agent: cannot start the fault handler: " + t);
        }
    }

    /** The loaded classes {@code t} would weave: application class loaders, names it accepts. */
    static List<Class<?>> instrumentable(Instrumentation inst, ProfilingTransformer t) {
        List<Class<?>> todo = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
                continue;
            }
            if (!ProfilingTransformer.isAppLoader(c.getClassLoader())) {
                continue;
            }
            if (!t.isInstrumentedName(c.getName().replace('.', '/'))) {
                continue;
            }
            todo.add(c);
        }
        return todo;
    }

    /** Weaves the classes the program has already loaded; returns how many were retransformed. */
    private static int retransformLoaded(Instrumentation inst, ProfilingTransformer t) {
        return Retransform.all(inst, instrumentable(inst, t), "retransform");
    }
}
