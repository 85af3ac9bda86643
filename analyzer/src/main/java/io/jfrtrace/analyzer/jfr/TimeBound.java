package io.jfrtrace.analyzer.jfr;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * One end of a time window over a recording: seconds from its start ({@code 90}, {@code 1.5}), or a clock time
 * ({@code 13:22:59}, local time, the first such moment at or after the recording's start).
 *
 * @param offsetNanos nanoseconds from the recording's start (when {@code clock} is null)
 * @param clock       a clock time, or null
 */
public record TimeBound(long offsetNanos, LocalTime clock) {
    /** {@code SECONDS} or {@code HH:MM[:SS[.fff]]}. */
    public static TimeBound parse(String text) {
        String t = text.strip();
        if (t.contains(":")) {
            try {
                return new TimeBound(0, LocalTime.parse(t.length() == 5 ? t + ":00" : t));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a clock time (HH:MM or HH:MM:SS)");
            }
        }
        double seconds;
        try {
            seconds = Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is neither seconds from the recording's start nor a "
                    + "clock time (HH:MM:SS)");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("'" + text + "': seconds from the recording's start must be 0 or more");
        }
        return new TimeBound(Math.round(seconds * 1e9), null);
    }

    /** Nanoseconds from the recording's start ({@code startNanos}: since the epoch) to this bound. */
    long nanosAfter(long startNanos, ZoneId zone) {
        if (clock == null) {
            return offsetNanos;
        }
        ZonedDateTime start = Instant.ofEpochSecond(0, startNanos).atZone(zone);
        ZonedDateTime at = start.with(clock);
        if (at.isBefore(start)) {
            at = at.plusDays(1);
        }
        return (at.toEpochSecond() * 1_000_000_000L + at.getNano()) - startNanos;
    }
}
