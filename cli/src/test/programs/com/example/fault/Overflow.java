package com.example.fault;

/** Unbounded recursion in deep(): StackOverflowError, uncaught, status 1. */
public class Overflow {
    static int deep(int n) {
        return deep(n + 1) + 1;
    }

    public static void main(String[] args) {
        System.out.println(deep(0));
    }
}
