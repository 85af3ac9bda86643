package com.example.timing;

/** Two million calls of a tiny leaf, timed by the program itself around its caller (CalibrateIT). */
public class ManyCalls {
    static final int CALLS = 2_000_000;

    static int leaf(int i) {
        return i * 31 + 7;
    }

    static long caller(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += leaf(i);
        }
        return s;
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        long s = caller(CALLS);
        long t1 = System.nanoTime();
        System.out.println("caller_ns=" + (t1 - t0) + " calls=" + CALLS + " sum=" + s);
    }
}
