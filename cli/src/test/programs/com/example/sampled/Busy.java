package com.example.sampled;

/**
 * A program for sampled profiles: a "hot-worker" thread burns CPU under {@link #hot} three times as long as a
 * "cold-worker" thread does under {@link #cold} (both in {@link #burn}), then two "locker" threads take turns holding one monitor while they sleep
 * (time blocked on a monitor). Takes about two seconds of CPU time; with argument {@code wait}, once its standard input ends.
 */
public final class Busy {
    static volatile long sink;
    private static final Object MONITOR = new Object();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("wait")) { // for a recording started from outside: work once stdin ends
            while (System.in.read() >= 0) {
                // wait
            }
        }
        Thread hot = new Thread(() -> spinHot(1500), "hot-worker");
        Thread cold = new Thread(() -> spinCold(500), "cold-worker");
        hot.start();
        cold.start();
        hot.join();
        cold.join();
        Thread a = new Thread(Busy::contend, "locker-a");
        Thread b = new Thread(Busy::contend, "locker-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /**
     * Burns {@code millis} of this thread's CPU time, not of wall time: on a loaded machine the samplers then still see
     * as many samples, and the hot thread three times the cold one's. One method per thread: a shared one that called
     * hot or cold on a flag let C2 merge their two identical inlined bodies, and a sample of the cold thread then
     * named hot (seen once in a test run).
     */
    private static void spinHot(long millis) {
        long end = cpuTime() + millis * 1_000_000L;
        while (cpuTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += hot(1000);
            }
        }
    }

    private static void spinCold(long millis) {
        long end = cpuTime() + millis * 1_000_000L;
        while (cpuTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += cold(1000);
            }
        }
    }

    private static long cpuTime() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long hot(int n) {
        return burn(n);
    }

    static long cold(int n) {
        return burn(n);
    }

    /** The same work for both threads, so that the JVM's sampler sees them alike: they differ in how long they run. */
    static long burn(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) i * i ^ s >>> 3;
        }
        return s;
    }

    /** Holds the monitor 50 ms at a time, six times: the other locker waits on it meanwhile. */
    static void contend() {
        for (int i = 0; i < 6; i++) {
            synchronized (MONITOR) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
