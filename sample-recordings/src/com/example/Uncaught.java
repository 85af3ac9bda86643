package com.example;

/** Dies of an uncaught exception thrown two frames below main: the JVM exits with status 1. */
public class Uncaught {
    static void check(int i) {
        if (i == 7) {
            throw new IllegalStateException("seven is not allowed");
        }
    }

    static void loop() {
        for (int i = 0; i < 10; i++) {
            check(i);
        }
    }

    public static void main(String[] args) {
        loop();
    }
}
