package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --from/--to: seconds from the recording's start, or a clock time at or after it. */
class TimeBoundTest {
    private static final long START = Instant.parse("2026-11-21T13:22:59.500Z").getEpochSecond() * 1_000_000_000L
            + 500_000_000L;

    @ParameterizedTest(name = "''{0}'' = {1} ns after the start")
    @CsvSource(delimiter = '|', value = {
            "0        | 0",
            "90       | 90000000000",
            "1.5      | 1500000000",
            "2s       | 2000000000",
            "13:23:00 | 500000000",
            "13:23    | 500000000",
            "14:00:00 | 2220500000000",
    })
    void aBoundIsNanosecondsAfterTheRecordingsStart(String text, long nanos) {
        assertEquals(nanos, TimeBound.parse(text).nanosAfter(START, ZoneOffset.UTC));
    }

    @Test
    void aClockTimeBeforeTheStartIsTheNextDays() {
        long nanos = TimeBound.parse("13:00:00").nanosAfter(START, ZoneOffset.UTC);
        assertEquals(24 * 3600_000_000_000L - (22 * 60 + 59) * 1_000_000_000L - 500_000_000L, nanos);
    }

    @Test
    void aClockTimeIsLocalTime() {
        // 13:22:59.5 UTC is 14:22:59.5 in Paris (winter): 14:23 there is half a second later
        assertEquals(500_000_000L, TimeBound.parse("14:23").nanosAfter(START, ZoneId.of("Europe/Paris")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "25:00", "1e999", "NaN"})
    void anythingElseIsRefusedInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeBound.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
