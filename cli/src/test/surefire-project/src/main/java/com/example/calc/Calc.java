package com.example.calc;

public final class Calc {
    private Calc() {
    }

    public static long sumOfSquares(int n) {
        long total = 0; // start
        for (int i = 1; i <= n; i++) { // loop
            total += (long) i * i; // square
        }
        return total;
    }

    public static int sign(int x) {
        if (x < 0) {
            return -1; // negative
        }
        return x == 0 ? 0 : 1; // non-negative
    }
}
