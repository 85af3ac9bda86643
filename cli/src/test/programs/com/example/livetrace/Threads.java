package com.example.livetrace;

/** Two threads tracing at once (LiveTraceIT): every line printed must come out whole. */
public class Threads {
    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> work("a"));
        Thread b = new Thread(() -> work("b"));
        a.start();
        b.start();
        a.join();
        b.join();
    }

    static void work(String name) {
        for (int i = 0; i < 300; i++) {
            long sq = (long) i * i; // a line longer than System.out's 128-byte buffer, so that a line written in pieces would show: 0123456789012345678901234567890123456789
            if (i % 100 == 0) {
                System.out.println("worker " + name + " at " + i + " of 300");
            }
        }
    }
}
