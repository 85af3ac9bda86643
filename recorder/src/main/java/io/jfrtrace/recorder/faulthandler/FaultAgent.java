package io.jfrtrace.recorder.faulthandler;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import io.jfrtrace.privatefiles.PrivateFile;
import io.jfrtrace.recorder.options.FaultOptions;
import io.jfrtrace.schema.StockEvents;
import io.jfrtrace.schema.ThreadDumpEvent;
import io.jfrtrace.schema.ThreadStackEvent;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/** Wires the agent's faulthandler options into a running recording. */
public final class FaultAgent {
    private FaultAgent() {
    }

    /**
     * Registers and enables the dump events; call before {@code r} starts. Enabled later, the
     * recording's jdk.ActiveSetting events named types that the first chunk's metadata did not
     * declare yet, and a JVM that crashed before the next flush left an emergency dump the JMC
     * parser rejects (the JDK's own parser skips the unknown ids).
     */
    public static void enableEvents(Recording r, FaultOptions o) {
        FlightRecorder.register(ThreadDumpEvent.class);
        FlightRecorder.register(ThreadStackEvent.class);
        r.enable(ThreadDumpEvent.class).withoutStackTrace();
        r.enable(ThreadStackEvent.class).withoutStackTrace();
        if (o.faulthandler) {
            // The JVM's record of each allocation that had to wait for a collection, with the
            // allocating thread's stack taken natively: where an OutOfMemoryError struck when the
            // error itself has no backtrace left (see docs/events.md). One event per such request,
            // so per collection at most per thread: nothing on the allocation path itself.
            r.enable(StockEvents.ALLOCATION_REQUIRING_GC).withStackTrace();
        }
    }

    /** Leaves one of the agent's own threads out of every dump, as the watchdog is. */
    public static void hideFromDumps(Thread t) {
        Dumper.OWN_THREADS.add(t);
    }

    /** What {@link #start} will need that takes time and holds no state (see Fatal.prepare): for a warm-up thread. */
    public static void prepare(FaultOptions o) {
        if (o.faulthandler) {
            Fatal.prepare();
        }
    }

    /** Starts what the options ask for, in a recording whose dump events {@link #enableEvents} enabled. */
    public static void start(FaultOptions o, Recording r) {
        Dumper.recording = true;
        OutputStream text = null;
        if (o.dumpFile != null) {
            if (o.dumpFile.equals("-")) {
                text = new FileOutputStream(java.io.FileDescriptor.err);
            } else {
                try {
                    // the owner's alone (dumps show what threads hold); written through FileOutputStream, which
                    // allocates nothing per write, for dumps taken when the heap is full
                    PrivateFile.create(Path.of(o.dumpFile));
                    text = new FileOutputStream(o.dumpFile);
                } catch (IOException e) {
                    System.err.println("jfr-trace agent: cannot write dumps to " + o.dumpFile + ": " + e.getMessage());
                }
            }
        }
        if (o.faulthandler) {
            Fatal.enable(text, true);
        }
        String sig = o.effectiveSignal();
        if (sig != null) {
            try {
                Signals.register(sig, text, true, false);
            } catch (Throwable t) {
                System.err.println("jfr-trace agent: cannot dump on SIG" + sig + ": " + t.getMessage());
            }
        }
        if (o.watchdogMicros > 0) {
            Watchdog.start(o.watchdogMicros, o.watchdogRepeat, text, o.watchdogExit);
        }
    }
}
