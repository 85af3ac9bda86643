package com.example;

/** isEven/isOdd call each other: recursion is counted per function and per caller->callee edge. */
public class MutualRecursion {
    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    public static void main(String[] args) {
        int even = 0;
        for (int i = 0; i < 10; i++) {
            if (isEven(i)) {
                even++;
            }
        }
        System.out.println(even + " even numbers below 10");
    }
}
