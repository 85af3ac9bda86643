package com.example;

import java.util.concurrent.CountDownLatch;

/**
 * Two threads, {@code left} and {@code right}, lock two monitors in opposite order and deadlock for good; main waits
 * in {@code join}. Prints "ready" once both hold their first lock. Known lines (tests rely on them):
 * {@code left} and {@code right} both block in Deadlock.lockBoth on the inner {@code synchronized (second)} of line 27,
 * which thread dumps (JDK 17 and 25) report as line 28; they are called from Deadlock.lambda$main$0 at line 35 (left)
 * and Deadlock.lambda$main$1 at line 36 (right); main waits in {@code left.join()} at line 42.
 */
public class Deadlock {
    static final Object A = new Object();
    static final Object B = new Object();
    static final CountDownLatch BOTH_HOLD_ONE = new CountDownLatch(2);

    static void lockBoth(Object first, Object second) {
        synchronized (first) {
            BOTH_HOLD_ONE.countDown();
            try {
                BOTH_HOLD_ONE.await();
            } catch (InterruptedException e) {
                return;
            }
            // keep the line numbers of this file: tests rely on them (see the class comment)

            synchronized (second) {
                System.out.println("unreachable");
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // two threads with the locks in opposite order
        Thread left = new Thread(() -> lockBoth(A, B), "left");
        Thread right = new Thread(() -> lockBoth(B, A), "right");
        left.start();
        right.start();
        BOTH_HOLD_ONE.await();
        System.out.println("ready");
        System.out.flush();
        left.join();
    }
}
