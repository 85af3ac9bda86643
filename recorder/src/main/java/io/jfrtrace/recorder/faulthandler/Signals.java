package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code faulthandler.register}: a {@code sun.misc.Signal} handler, which the JVM runs on an
 * ordinary Java thread (the dump's current thread). Only signals HotSpot leaves alone are allowed.
 */
public final class Signals {
    private static final Map<String, Registration> REGISTERED = new HashMap<>();

    private record Registration(Signal signal, SignalHandler previous, SignalHandler ours) {
    }

    private Signals() {
    }

    /** The canonical name ({@code USR1}) of an allowed signal, or throws with the one-line reason. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no signal name given");
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        String why = switch (n) {
            case "USR1", "HUP", "WINCH", "URG", "CONT", "TTIN", "TTOU" -> null;
            case "USR2" -> "HotSpot uses SIGUSR2 to suspend and resume threads (JFR sampling would stop)";
            case "QUIT" -> "SIGQUIT is the JVM's own thread dump signal (kill -3)";
            case "SEGV", "BUS", "ILL", "FPE" -> "the JVM uses SIG" + n + " itself; real crashes are dumped as fatal errors";
            case "ABRT" -> "the JVM aborts with SIGABRT after a crash";
            case "INT", "TERM" -> "SIG" + n + " shuts the JVM down (shutdown hooks, the recording)";
            case "KILL", "STOP" -> "SIG" + n + " cannot be caught";
            default -> "";
        };
        if (why == null) {
            return n;
        }
        if (why.isEmpty()) {
            throw new IllegalArgumentException("unknown signal '" + name
                    + "' (use USR1, HUP, WINCH, URG, CONT, TTIN or TTOU)");
        }
        throw new IllegalArgumentException("signal " + n + " cannot be used for dumps: " + why);
    }

    static synchronized void register(String name, OutputStream out, boolean allThreads, boolean chain) {
        String n = check(name);
        unregister(n);
        Signal sig = new Signal(n);
        SignalHandler[] prev = new SignalHandler[1];
        SignalHandler ours = s -> {
            Dumper.dump("signal", n, 0, Thread.currentThread(), null, allThreads, out);
            SignalHandler p = prev[0];
            if (chain && p != null && p != SignalHandler.SIG_DFL && p != SignalHandler.SIG_IGN) {
                p.handle(s);
            }
        };
        prev[0] = Signal.handle(sig, ours);
        REGISTERED.put(n, new Registration(sig, prev[0], ours));
    }

    static synchronized boolean unregister(String name) {
        Registration r = REGISTERED.remove(check(name));
        if (r == null) {
            return false;
        }
        Signal.handle(r.signal(), r.previous());
        return true;
    }
}
