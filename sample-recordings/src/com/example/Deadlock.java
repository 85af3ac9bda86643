package com.example;

/** Two threads, left and right, take two monitors in opposite order and block forever. */
public class Deadlock {
    static final Object A = new Object();
    static final Object B = new Object();

    static void lockBoth(Object first, Object second) throws InterruptedException {
        synchronized (first) {
            Thread.sleep(200);
            synchronized (second) {
                System.out.println("never printed");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Thread left = new Thread(() -> run(A, B), "left");
        Thread right = new Thread(() -> run(B, A), "right");
        left.start();
        right.start();
        System.out.println("ready");
        left.join();
        right.join();
    }

    static void run(Object first, Object second) {
        try {
            lockBoth(first, second);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
