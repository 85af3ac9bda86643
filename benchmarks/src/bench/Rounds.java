package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.function.LongSupplier;

/** Prints the timing line the harness reads: rounds after the first half count (JIT warm). */
final class Rounds {
    private Rounds() {
    }

    static void report(long[] times, int sink) {
        long[] warm = Arrays.copyOfRange(times, times.length / 2, times.length);
        long total = 0;
        for (long t : warm) {
            total += t;
        }
        Arrays.sort(warm);
        System.out.println("BENCH rounds=" + times.length + " median_ns=" + warm[warm.length / 2]
                + " mean_ns=" + total / warm.length + " min_ns=" + warm[0] + " sink=" + sink);
    }

    /**
     * Serve mode, for the harness's alternating runs: runs one round per line read from stdin and
     * answers {@code ROUND ns=<time>}; stops at end of input. Two JVMs served in turn see the same
     * machine within a fraction of a second of each other, which launch-after-launch runs do not.
     */
    static void serve(LongSupplier round) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        long sink = 0;
        while (in.readLine() != null) {
            long t0 = System.nanoTime();
            sink += round.getAsLong();
            long t = System.nanoTime() - t0;
            System.out.println("ROUND ns=" + t + " sink=" + (sink & 1));
            System.out.flush();
        }
    }
}
