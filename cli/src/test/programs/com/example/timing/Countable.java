package com.example.timing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deterministic calls of every shape the profilers count: recursion, mutual recursion, exceptions that leave frames
 * open, a constructor, callbacks through the JDK (a comparator, a lambda), a second thread, and an edge that recurs
 * through another caller (via -&gt; hop is primitive the second time, while hop's first call, from enter, is still open).
 * Every timer must count them alike.
 */
public class Countable {
    private final int seed;

    Countable(int seed) {
        this.seed = seed;
    }

    static long fact(int n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }

    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    static int parse(String s) {
        return Integer.parseInt(s);
    }

    static int checked(String s) {
        return parse(s) * 2;
    }

    static int hop(int n) {
        return n <= 0 ? 0 : via(n) + 1;
    }

    static int via(int n) {
        return hop(n - 1);
    }

    static int enter(int n) {
        return hop(n);
    }

    int compare(Countable other) {
        return Integer.compare(seed, other.seed);
    }

    static int work(int rounds) {
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            sum += (int) fact(i % 12);
            sum += isEven(i % 9) ? 1 : 0;
            sum += via(1) + enter(3);
            try {
                sum += checked(i % 3 == 0 ? "x" : Integer.toString(i));
            } catch (NumberFormatException e) {
                sum--;
            }
        }
        List<Countable> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(new Countable((i * 7) % 20));
        }
        list.sort(Countable::compare);
        list.forEach(c -> c.touch());
        return sum;
    }

    private void touch() {
        if (seed < 0) {
            throw new IllegalStateException();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread other = new Thread(() -> work(300), "other");
        other.start();
        int sum = work(500);
        other.join();
        System.out.println("sum=" + sum);
    }
}
