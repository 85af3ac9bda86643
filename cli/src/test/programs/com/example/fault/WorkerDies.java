package com.example.fault;

/** A worker thread dies of an uncaught exception; main carries on and exits with status 0. */
public class WorkerDies {
    static void fail() {
        throw new IllegalStateException("boom");
    }

    public static void main(String[] args) throws Exception {
        Thread main = Thread.currentThread();
        Thread w = new Thread(() -> {
            // die only once main waits in join(), so that the dump's state for main is certain
            while (main.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            fail();
        }, "worker");
        w.start();
        w.join();
        System.out.println("main done");
    }
}
