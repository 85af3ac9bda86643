package bench;

import java.util.Arrays;

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
}
