package io.jfrtrace.runtime;

/**
 * What a sampled traceback still holds: its exact allocated total times the share of its samples'
 * weight still alive. A traceback whose samples all live (a leak) or all died (garbage) comes out
 * exact; only mixed ones carry sampling error.
 */
final class SurvivalEstimate {
    private SurvivalEstimate() {
    }

    /** Live bytes of {@code allocated}, given the live and the ever-sampled weights in bytes. */
    static long bytes(long allocated, long liveWeight, long sampledWeight) {
        if (sampledWeight <= 0 || liveWeight <= 0) {
            return 0;
        }
        return liveWeight >= sampledWeight ? allocated : Math.round(allocated * ((double) liveWeight / sampledWeight));
    }

    /** Live objects of {@code allocated}, given the live and the ever-sampled weights in objects. */
    static double count(long allocated, double liveWeight, double sampledWeight) {
        if (sampledWeight <= 0 || liveWeight <= 0) {
            return 0;
        }
        return liveWeight >= sampledWeight ? allocated : allocated * (liveWeight / sampledWeight);
    }
}
