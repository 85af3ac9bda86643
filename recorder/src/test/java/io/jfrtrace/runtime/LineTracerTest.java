package io.jfrtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The -g prefix: CPython's {@code '%.2f ' % seconds} (the expected texts are python3's, for {@code n / 1e9}). */
class LineTracerTest {
    @ParameterizedTest(name = "{0} ns")
    @CsvSource(delimiter = '|', value = {
            "0             | '0.00 '",
            "4999999       | '0.00 '",
            "5000000       | '0.01 '",
            "15000000      | '0.01 '", // 0.015 is a little below in binary: down, where half-up on the nanoseconds goes up
            "25000000      | '0.03 '",
            "1234567890    | '1.23 '",
            "99995000000   | '100.00 '",
            "61005000000   | '61.01 '",
            "3600000000000 | '3600.00 '",
    })
    void theTimingPrefixIsPythonsPercentPoint2f(long nanos, String expected) {
        assertEquals(expected, LineTracer.prefix(nanos));
    }
}
