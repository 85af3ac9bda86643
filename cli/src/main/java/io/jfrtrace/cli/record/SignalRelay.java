package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import sun.misc.Signal;

/**
 * {@code record} stands between the user and the program: signals sent to record's process are passed
 * on to the program's JVM, so {@code kill -USR1 $!} takes a dump and {@code kill $!} stops the program,
 * whose recording is then completed as usual. The terminating signals (TERM, INT, HUP) go on at once;
 * a signal the program handles only once its agent runs (the dump and snapshot signals) waits until the
 * JVM catches it, at most {@link #CATCH_WAIT_MILLIS}, because until then its default action would kill
 * the program. A terminating signal that arrives before the JVM exists means the program never starts.
 */
public final class SignalRelay {
    static final Set<String> TERMINATING = Set.of("TERM", "INT", "HUP");
    static final long CATCH_WAIT_MILLIS = 10_000;

    /** TERM, INT and HUP, unless the agent takes one of them for dumps or snapshots (HUP can be). */
    private final Set<String> terminating = new LinkedHashSet<>(TERMINATING);
    private final PrintWriter err;
    private Process child;
    private String stopped;

    private SignalRelay(PrintWriter err) {
        this.err = err;
    }

    /**
     * Handles TERM, INT, HUP and {@code others} (the dump and snapshot signals) in this JVM from now on.
     * A signal this JVM cannot handle (its own, or {@code -Xrs}) keeps its default action. A signal that cannot
     * be passed on is said on {@code err}.
     */
    public static SignalRelay install(List<String> others, PrintWriter err) {
        SignalRelay relay = new SignalRelay(err);
        relay.terminating.removeAll(others);
        Set<String> names = new LinkedHashSet<>(List.of("TERM", "INT", "HUP")); // in this order
        names.addAll(others);
        for (String name : names) {
            try {
                Signal.handle(new Signal(name), sig -> relay.received(name));
            } catch (IllegalArgumentException e) {
                // in use by this JVM: the default action stays
            }
        }
        return relay;
    }

    /**
     * Starts the program unless a terminating signal came first; from then on signals go to it.
     * Returns null when record was told to stop before the program started ({@link #stoppedBy()}).
     */
    public synchronized Process start(ProcessBuilder pb) throws IOException {
        if (stopped != null) {
            return null;
        }
        child = pb.start();
        return child;
    }

    /** The terminating signal that arrived before the program started, or null. */
    public synchronized String stoppedBy() {
        return stopped;
    }

    private void received(String name) {
        Process target;
        synchronized (this) {
            if (child == null) {
                if (terminating.contains(name) && stopped == null) {
                    stopped = name;
                }
                return; // a dump before the program runs has nothing to dump
            }
            target = child;
        }
        if (!terminating.contains(name)) {
            awaitCaught(target, name);
        }
        send(target, name, err);
    }

    /** Waits until the JVM handles {@code name} (Linux: its SigCgt mask), the JVM ends, or the wait is over. */
    private static void awaitCaught(Process p, String name) {
        int number = Signals.number(name);
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long deadline = System.nanoTime() + CATCH_WAIT_MILLIS * 1_000_000;
        while (number > 0 && p.isAlive() && System.nanoTime() < deadline) {
            Boolean caught = Signals.catches(status, number);
            if (caught == null || caught) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void send(Process p, String name, PrintWriter err) {
        if (!p.isAlive()) {
            return;
        }
        if (name.equals("TERM")) {
            p.destroy();
            return;
        }
        List<String> kill = new ArrayList<>(List.of(Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "kill",
                "-s", name, Long.toString(p.pid())));
        try {
            new ProcessBuilder(kill).inheritIO().start().waitFor();
        } catch (IOException e) {
            err.println("jfr-trace: could not pass SIG" + name + " on to the program: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
