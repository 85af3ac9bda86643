package com.example.fault;

/** Prints "ready" and sleeps in waitHere() for args[0] milliseconds, then exits with status 0. */
public class Waits {
    static void waitHere(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        waitHere(Long.parseLong(args[0]));
    }
}
