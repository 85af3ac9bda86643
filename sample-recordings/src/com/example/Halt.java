package com.example;

/** Ends with Runtime.halt(4): no shutdown hooks run, so JFR never finishes its recording. */
public class Halt {
    static int step(int i) {
        return i * 3;
    }

    public static void main(String[] args) throws InterruptedException {
        int s = 0;
        for (int i = 0; i < 100; i++) {
            s += step(i);
        }
        System.out.println("steps done: " + s);
        Thread.sleep(2500); // let at least one periodic flush reach the JFR repository
        Runtime.getRuntime().halt(4);
    }
}
