package com.example.timing;

/** Two calls whose durations the program measures itself, so a test can check the profiler's clock against them. */
public class Timed {
    static void sleeper() throws InterruptedException {
        Thread.sleep(300);
    }

    static long spinner() {
        long end = System.nanoTime() + 200_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        sleeper();
        long t1 = System.nanoTime();
        long n = spinner();
        long t2 = System.nanoTime();
        System.out.println("sleeper_ns=" + (t1 - t0) + " spinner_ns=" + (t2 - t1) + " spins=" + (n > 0));
    }
}
