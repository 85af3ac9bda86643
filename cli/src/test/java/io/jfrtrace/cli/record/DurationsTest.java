package io.jfrtrace.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void unitsAndBareSecondsBecomeMicroseconds() {
        assertEquals(5_000_000, Durations.parseMicros("5s"));
        assertEquals(5_000_000, Durations.parseMicros("5"));
        assertEquals(500_000, Durations.parseMicros("500ms"));
        assertEquals(500_000, Durations.parseMicros("0.5s"));
        assertEquals(120_000_000, Durations.parseMicros("2m"));
        assertEquals(3_600_000_000L, Durations.parseMicros("1h"));
        assertEquals(250, Durations.parseMicros("250us"));
    }

    @Test
    void fractionsOfAMicrosecondRoundAwayFromZero() {
        assertEquals(1, Durations.parseMicros("0.0000001s"));
    }

    @Test
    void zeroNegativeAndGarbageAreRefusedWithTheOptionName() {
        assertEquals("--watchdog: the duration must be positive, got '0'",
                assertThrows(IllegalArgumentException.class, () -> Durations.positiveMicros("--watchdog", "0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.positiveMicros("--watchdog", "-1s"));
        assertEquals("--watchdog: 'soon' is not a duration (examples: 5s, 500ms, 0.5s, 2m)",
                assertThrows(IllegalArgumentException.class, () -> Durations.positiveMicros("--watchdog", "soon")).getMessage());
    }
}
