package com.example.lines;

/** For LineCountsIT: a loop body run a known number of times on two threads, a method never called. */
public class LineCounts {
    static final int N = 37;

    static int square(int x) {
        return x * x; // square
    }

    static int never(int y) {
        int z = y + 1; // never
        return z;
    }

    static long loop(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += square(i); // loop body
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        Thread worker = new Thread(() -> loop(5), "worker"); // worker
        worker.start();
        worker.join();
        // loaded, never run: its lines are executable and missing
        Class.forName("com.example.lines.Unused", false, LineCounts.class.getClassLoader());
        System.out.println("total " + loop(N));
    }
}
