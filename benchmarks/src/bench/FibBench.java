package bench;

/** Recursive fib(32): 7,049,155 calls per round, the worst case for per-call overhead. */
public class FibBench {
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[] times = new long[rounds];
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += fib(32);
            times[r] = System.nanoTime() - t0;
        }
        Rounds.report(times, sink);
    }
}
