package io.jfrtrace.recorder;

import java.util.Optional;

import io.jfrtrace.recorder.faulthandler.FaultAgent;

/**
 * Under {@code jfr-trace record}, the program lives and dies with it: when record's own process is
 * gone (SIGKILL, an OOM killer), the JVM raises SIGTERM on itself, so the program ends as it would on
 * SIGTERM (its own handlers and shutdown hooks run, JFR writes the recording completely) instead of
 * running on orphaned. Linux gives a process whose parent died a new parent, so a changed parent pid is
 * the sign; one check every {@link #PERIOD_MILLIS} on a sleeping daemon thread.
 */
final class ParentWatch implements Runnable {
    static final long PERIOD_MILLIS = 250;

    private final long parentPid;

    private ParentWatch(long parentPid) {
        this.parentPid = parentPid;
    }

    /** Starts watching {@code parentPid} (0: not started by record, nothing to watch). */
    static void start(long parentPid) {
        if (parentPid <= 0) {
            return;
        }
        ParentWatch watch = new ParentWatch(parentPid);
        if (!watch.parentAlive()) {
            watch.end(); // record died while the JVM started: end before main runs, if the signal is quick enough
            return;
        }
        Thread t = new Thread(watch, "jfr-trace parent watch");
        t.setDaemon(true);
        FaultAgent.hideFromDumps(t);
        t.start();
    }

    @Override
    public void run() {
        try {
            while (parentAlive()) {
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        end();
    }

    private void end() {
        System.err.println("jfr-trace agent: jfr-trace record (pid " + parentPid + ") is gone; ending the program as on SIGTERM");
        try {
            sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
        } catch (IllegalArgumentException e) {
            System.exit(143); // TERM not handled by this JVM (-Xrs): the same status, hooks still run
        }
    }

    private boolean parentAlive() {
        try {
            Optional<ProcessHandle> parent = ProcessHandle.current().parent();
            return parent.isPresent() && parent.get().pid() == parentPid;
        } catch (OutOfMemoryError full) {
            // The program's heap is full (its own error is on its way): dying here with an uncaught error would take
            // what the JVM has left for the program's handlers and the recording. Look again later.
            return true;
        }
    }
}
