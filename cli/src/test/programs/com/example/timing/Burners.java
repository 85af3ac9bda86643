package com.example.timing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Two functions that keep their thread busy in Java code for known times, the second twice as long, through a spin
 * loop and a leaf; the program measures each call with System.nanoTime, so a test can check times estimated from the
 * JVM's execution samples against them (and with ThreadMXBean: the CPU time the thread got meanwhile). The loop reads the clock once per 65536 leaf calls: JDK 17 takes no execution
 * sample while a thread is inside a call into the VM such as System.nanoTime's.
 */
public class Burners {
    static long sink;

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        do {
            for (int i = 0; i < 1 << 16; i++) {
                n = mix(n);
            }
        } while (System.nanoTime() < end);
        sink += n;
    }

    static long mix(long n) {
        return n * 6364136223846793005L + 1442695040888963407L;
    }

    static void shortBurn() {
        spin(500_000_000L);
    }

    static void longBurn() {
        spin(1_000_000_000L);
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        shortBurn();
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        longBurn();
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        System.out.println("short_ns=" + (t1 - t0) + " long_ns=" + (t2 - t1) + " short_cpu_ns=" + (c1 - c0)
                + " long_cpu_ns=" + (c2 - c1) + " sink=" + (sink != 0));
    }
}
