package com.example;

/** Leaves through System.exit(3) with main still open: every call that returned is still recorded. */
public class ExitEarly {
    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        int s = 0;
        for (int i = 0; i < 5; i++) {
            s += square(i);
        }
        System.out.println("sum of squares = " + s);
        System.exit(3);
    }
}
