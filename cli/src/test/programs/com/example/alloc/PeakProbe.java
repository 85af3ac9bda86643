package com.example.alloc;

import io.jfrtrace.api.Tracemalloc;

/**
 * Twenty rounds of: clear the traces, allocate one 64 KiB array (the default mean sampling distance) and keep it,
 * snapshot. Each round has allocated exactly 64 KiB since its clear, so no snapshot's peak may exceed that; a
 * sampled array stands for size/p = 1.58 times its size, which the peak used to show in about 63 % of the rounds.
 * Prints each round's get_traced_memory().
 */
public class PeakProbe {
    static byte[] kept;

    public static void main(String[] args) {
        for (int round = 1; round <= 20; round++) {
            Tracemalloc.clearTraces();
            kept = new byte[64 * 1024 - 16]; // 64 KiB with the array header
            Tracemalloc.TracedMemory m = Tracemalloc.getTracedMemory();
            System.out.println("round " + round + " current " + m.current() + " peak " + m.peak());
            Tracemalloc.takeSnapshot("round");
        }
    }
}
