package com.example.flame;

/**
 * Burns CPU in two methods told apart by name, alternately, for the given milliseconds of its CPU time (default 2000): recursive
 * {@code fib} and a prime {@code sieve}, each called from its own caller ({@code fibRound}, {@code sieveRound}), so a
 * flame graph of it has two towers under {@code main}. A second argument sets fib's {@code n} (default 24): a larger
 * one makes {@code fib} take longer (compare's tests).
 */
public class TwoBurners {
    static long sink;
    static int fibN = 24;

    public static void main(String[] args) {
        // CPU time, not wall time: on a loaded machine the samplers still see the same work
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + (args.length > 0 ? Long.parseLong(args[0]) : 2000) * 1_000_000L;
        if (args.length > 1) {
            fibN = Integer.parseInt(args[1]);
        }
        while (threads.getCurrentThreadCpuTime() < end) {
            fibRound();
            sieveRound();
        }
        System.out.println(sink);
    }

    static void fibRound() {
        sink += fib(fibN);
    }

    static void sieveRound() {
        sink += sieve(300_000);
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static int sieve(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int primes = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                primes++;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return primes;
    }
}
