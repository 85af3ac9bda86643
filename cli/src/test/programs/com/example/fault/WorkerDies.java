package com.example.fault;

/** A worker thread dies of an uncaught exception; main carries on and exits with status 0. */
public class WorkerDies {
    static void fail() {
        throw new IllegalStateException("boom");
    }

    public static void main(String[] args) throws Exception {
        Thread w = new Thread(WorkerDies::fail, "worker");
        w.start();
        w.join();
        System.out.println("main done");
    }
}
