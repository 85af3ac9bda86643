package com.example;

import java.util.ArrayList;
import java.util.List;

/** Four threads run the same recursive work; each keeps its own call stack, the profile sums them. */
public class Threads {
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static void work() {
        fib(15);
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(Threads::work, "worker-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("fib(15) = " + fib(15) + " on 4 threads");
    }
}
