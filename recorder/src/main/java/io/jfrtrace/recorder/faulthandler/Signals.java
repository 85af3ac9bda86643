package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import io.jfrtrace.schema.ThreadDumpEvent;
import io.jfrtrace.schema.agent.DumpSignals;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code faulthandler.register}: a {@code sun.misc.Signal} handler, which the JVM runs on an
 * ordinary Java thread (the dump's current thread). Only signals HotSpot leaves alone are allowed ({@link DumpSignals}).
 */
final class Signals {
    private static final Map<String, Registration> REGISTERED = new HashMap<>();

    private record Registration(Signal signal, SignalHandler previous, SignalHandler ours) {
    }

    private Signals() {
    }

    static synchronized void register(String name, OutputStream out, boolean allThreads, boolean chain) {
        String n = DumpSignals.check(name);
        unregister(n);
        Signal sig = new Signal(n);
        SignalHandler[] prev = new SignalHandler[1];
        SignalHandler ours = s -> {
            Dumper.dump(ThreadDumpEvent.SIGNAL, n, 0, Thread.currentThread(), null, allThreads, out);
            SignalHandler p = prev[0];
            if (chain && p != null && p != SignalHandler.SIG_DFL && p != SignalHandler.SIG_IGN) {
                p.handle(s);
            }
        };
        prev[0] = Signal.handle(sig, ours);
        REGISTERED.put(n, new Registration(sig, prev[0], ours));
    }

    static synchronized boolean unregister(String name) {
        Registration r = REGISTERED.remove(DumpSignals.check(name));
        if (r == null) {
            return false;
        }
        Signal.handle(r.signal(), r.previous());
        return true;
    }
}
