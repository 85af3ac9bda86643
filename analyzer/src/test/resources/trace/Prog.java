// a loop, a call, a branch never taken, a method never called
package com.example; public class Prog { static int square(int x) {
        return x * x;
    }

    static int never(int y) {
        int z = y + 1;
        return z;
    }

    static int run() {
        int total = 0;
        for (int i = 0; i < 7; i++) {
            total += square(i);
        } if (total < 0) {
            System.out.println("negative"); // #pragma NO COVER
        } if (total < 0) {
            System.out.println("impossible");
        } String s = "a\tb";
        String t = "x";	// tab
        return total;
    }

    public static void main(String[] a) { run(); } }