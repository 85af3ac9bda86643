package io.jfrtrace.recorder.jfr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A flush takes each counter's gain once: the next flush takes only what it gained after. */
class CounterGainsTest {
    @Test
    void eachGainIsTakenOnceAndOnlyInTheRangeAsked() {
        long[] counters = {5, 7, 100, 3};
        long[] shadow = CounterGains.fit(new long[0], counters.length);
        long[] sums = new long[3];
        assertTrue(CounterGains.take(counters, shadow, 0, 2, sums, 1));
        assertArrayEquals(new long[] {0, 5, 7}, sums);
        assertArrayEquals(new long[] {5, 7, 0, 0}, shadow);

        counters[0] = 6; // the owner counts on
        long[] next = new long[3];
        assertTrue(CounterGains.take(counters, shadow, 0, 2, next, 1));
        assertArrayEquals(new long[] {0, 1, 0}, next);
        assertFalse(CounterGains.take(counters, shadow, 0, 2, new long[3], 1));
    }

    @Test
    void aShadowGrowsWithItsCountersAndKeepsWhatWasTaken() {
        long[] shadow = {4};
        long[] grown = CounterGains.fit(shadow, 3);
        assertArrayEquals(new long[] {4, 0, 0}, grown);
        assertTrue(CounterGains.fit(grown, 2) == grown);
    }
}
