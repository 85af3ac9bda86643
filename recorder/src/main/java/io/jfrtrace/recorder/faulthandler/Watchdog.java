package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;

import io.jfrtrace.schema.ThreadDumpEvent;

/**
 * {@code dump_traceback_later}: one sleeping daemon thread; nothing runs while it waits.
 * After the timeout it dumps all threads (reason {@code timeout}), again every timeout with
 * repeat, and with exit ends the JVM with status 1 through {@code System.exit} so that JFR's
 * shutdown hook still writes the recording.
 */
final class Watchdog implements Runnable {
    private static Watchdog active;

    private final long micros;
    private final boolean repeat;
    private final OutputStream out;
    private final boolean exit;
    private final Thread thread;
    private boolean cancelled;

    private Watchdog(long micros, boolean repeat, OutputStream out, boolean exit) {
        this.micros = micros;
        this.repeat = repeat;
        this.out = out;
        this.exit = exit;
        this.thread = new Thread(this, "jfr-trace faulthandler watchdog");
        thread.setDaemon(true);
    }

    static synchronized void start(long micros, boolean repeat, OutputStream out, boolean exit) {
        if (micros <= 0) {
            throw new IllegalArgumentException("timeout must be greater than 0");
        }
        cancel();
        active = new Watchdog(micros, repeat, out, exit);
        Dumper.OWN_THREADS.add(active.thread);
        active.thread.start();
    }

    static synchronized void cancel() {
        Watchdog w = active;
        active = null;
        if (w != null) {
            synchronized (w) {
                w.cancelled = true;
                w.notifyAll();
            }
        }
    }

    @Override
    public void run() {
        try {
            do {
                long deadline = System.nanoTime() + micros * 1000;
                synchronized (this) {
                    long left;
                    while (!cancelled && (left = deadline - System.nanoTime()) > 0) {
                        wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                    if (cancelled) {
                        return;
                    }
                }
                Dumper.dump(ThreadDumpEvent.TIMEOUT, "", micros, null, null, true, out);
                if (exit) {
                    exitNow();
                    return;
                }
            } while (repeat);
        } catch (InterruptedException e) {
            // cancelled by interruption
        } finally {
            Dumper.OWN_THREADS.remove(thread);
        }
    }

    /** Status 1 like faulthandler's _exit(1), but through the shutdown hooks so the recording completes. */
    static void exitNow() {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                return;
            }
            Runtime.getRuntime().halt(1); // a shutdown hook hangs: do not hang with it
        }, "jfr-trace faulthandler exit guard");
        guard.setDaemon(true);
        guard.start();
        System.exit(1);
    }
}
