package com.example.diff;

/**
 * Rounds of a small pipeline for compare's tests: the arguments say how many rounds (so how often each step is
 * called) and how much work one step does per call, and a third argument adds a step, so two runs differ in a known
 * way.
 */
public class Pipeline {
    static int parse(int i) {
        return i * 31 + 7;
    }

    /** The step a test makes slower: its own work (no calls), so its tottime grows with {@code iterations}. */
    static long crunch(long iterations) {
        long x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + i;
        }
        return x;
    }

    static int extra() {
        return 42;
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long iterations = Long.parseLong(args[1]);
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 100; i++) {
                sum += parse(i);
            }
            sum += crunch(iterations);
        }
        if (args.length > 2) {
            sum += extra();
        }
        System.out.println("sum=" + sum);
    }
}
