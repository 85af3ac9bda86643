package com.example.exits;

/**
 * Ends while calls are still running: main -> outer -> inner, open when the JVM exits. The program
 * prints its own wall time ("wall SECONDS", from main's first line to the end) so that a test can
 * compare main's cumulative time with it.
 *
 * <p>Modes: {@code exit} (System.exit(3) from inner after about 4 s), {@code term} (inner works
 * until SIGTERM), {@code hang} (inner sleeps until the watchdog ends the JVM), {@code daemon}
 * (main returns after 4 s while a daemon thread is still inside worker -> spin) and {@code
 * uncaught} (main dies of an exception after 4 s, the daemon thread still inside its calls). In
 * the last three, and under SIGTERM, the wall time is printed by a shutdown hook.
 */
public class StillRunning {
    static final long START = System.nanoTime();
    static final long RUN_NANOS = 4_000_000_000L;

    static int leaf(int x) {
        return x * 31 + 7;
    }

    static void printWall() {
        System.out.println("wall " + (System.nanoTime() - START) / 1e9);
        System.out.flush();
    }

    static void inner(String mode) throws InterruptedException {
        int x = 0;
        for (int i = 0; i < 100; i++) {
            x = leaf(x);
        }
        switch (mode) {
            case "exit":
                Thread.sleep(Math.max(0, (START + RUN_NANOS - System.nanoTime()) / 1_000_000));
                printWall();
                System.exit(3);
                break;
            case "term":
                System.out.println("ready");
                System.out.flush();
                while (true) {
                    for (int i = 0; i < 1000; i++) {
                        x = leaf(x);
                    }
                    Thread.sleep(1);
                }
            case "hang":
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    static void outer(String mode) throws InterruptedException {
        inner(mode);
    }

    static void spin() {
        int x = 0;
        while (true) {
            x = leaf(x);
        }
    }

    static void worker() {
        spin();
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (!mode.equals("exit")) {
            Runtime.getRuntime().addShutdownHook(new Thread(StillRunning::printWall));
        }
        if (mode.equals("daemon") || mode.equals("uncaught")) {
            Thread t = new Thread(StillRunning::worker, "worker");
            t.setDaemon(true);
            t.start();
            Thread.sleep(RUN_NANOS / 1_000_000);
            if (mode.equals("uncaught")) {
                throw new IllegalStateException("main gives up");
            }
            return;
        }
        outer(mode);
    }
}
