package com.example.timing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A thread that sleeps and one that burns its CPU, each call's thread CPU time measured by the program itself
 * (ThreadMXBean), so a test can check the profile's times against them.
 */
public class CpuTimed {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static void sleeper() throws InterruptedException {
        Thread.sleep(400);
    }

    static long burner() {
        long end = MX.getCurrentThreadCpuTime() + 300_000_000L;
        long n = 0;
        while (MX.getCurrentThreadCpuTime() < end) {
            n += step(n);
        }
        return n;
    }

    static long step(long n) {
        return (n & 7) + 1;
    }

    public static void main(String[] args) throws Exception {
        long[] sleeperCpu = new long[1];
        Thread sleeping = new Thread(() -> {
            long c0 = MX.getCurrentThreadCpuTime();
            try {
                sleeper();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            sleeperCpu[0] = MX.getCurrentThreadCpuTime() - c0;
        }, "sleeping");
        sleeping.start();
        long c0 = MX.getCurrentThreadCpuTime();
        long n = burner();
        long burnerCpu = MX.getCurrentThreadCpuTime() - c0;
        sleeping.join();
        System.out.println("sleeper_cpu_ns=" + sleeperCpu[0] + " burner_cpu_ns=" + burnerCpu + " burned=" + (n > 0));
    }
}
