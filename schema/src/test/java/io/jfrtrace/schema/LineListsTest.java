package io.jfrtrace.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineListsTest {
    @Test
    void linesAndCountsReadBackAsWritten() {
        assertEquals("3,4,19", LineLists.lines(new int[] {3, 4, 19}));
        assertArrayEquals(new int[] {3, 4, 19}, LineLists.parseLines("3,4,19"));
        assertArrayEquals(new int[0], LineLists.parseLines(""));
        StringBuilder b = new StringBuilder();
        LineLists.appendCount(b, 8, 42);
        LineLists.appendCount(b, 12, 1);
        assertEquals("8:42,12:1", b.toString());
        assertEquals(Map.of(8, 42L, 12, 1L), LineLists.parseCounts(b.toString()));
        assertEquals(Map.of(8, 3L), LineLists.parseCounts("8:1,8:2"));
        assertEquals("8:42,12:1", LineLists.counts(new int[] {3, 8, 12}, new long[] {0, 42, 1}));
        assertEquals("", LineLists.counts(new int[] {3}, new long[] {0}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "8:", ":3", "8:x", "8:1,", "a:1"})
    void aBadCountsTextIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> LineLists.parseCounts(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,", ",1", "x", "1,,2"})
    void aBadLinesTextIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> LineLists.parseLines(text));
    }
}
