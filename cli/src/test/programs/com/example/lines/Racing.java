package com.example.lines;

import java.util.concurrent.CyclicBarrier;

/**
 * For LineCountsIT: two threads run the same classes at once (each class's line holder changes hands all the time),
 * through each kind the line weaver meets: an interface's default method, a record, an enum, nestmates.
 */
public class Racing {
    static final int CALLS = 1_000_000;

    interface Shape {
        default int twice(int x) {
            return x * 2; // shape default
        }
    }

    record Point(int x, int y) implements Shape {
        int sum() {
            return x + y; // record sum
        }
    }

    enum Sign {
        PLUS, MINUS;

        int apply(int v) {
            return this == PLUS ? v : -v; // enum apply
        }
    }

    private int hits;

    private void hit() {
        hits++; // private hit
    }

    final class Inner {
        void poke() {
            hit(); // inner poke
        }
    }

    static int step(Point p, Sign s) {
        return s.apply(p.twice(p.sum())); // step
    }

    static long run(int id) {
        Racing r = new Racing();
        Inner in = r.new Inner();
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += step(new Point(i, id), i % 2 == 0 ? Sign.PLUS : Sign.MINUS); // loop body
            in.poke();
        }
        return sum + r.hits;
    }

    public static void main(String[] args) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        long[] sums = new long[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                sums[id] = run(id);
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("sums " + sums[0] + " " + sums[1]);
    }
}
