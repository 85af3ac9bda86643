package io.jfrtrace.analyzer.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jfrtrace.analyzer.tracemalloc.Filter;
import io.jfrtrace.analyzer.tracemalloc.Frame;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Trace;
import io.jfrtrace.analyzer.tracemalloc.Traceback;

class EstimateTest {
    static Trace trace(String file, int line, long size, long count) {
        return new Trace(0, size, count, new Traceback(List.of(new Frame("Main.java", 1), new Frame(file, line))));
    }

    @Test
    void knownNumbersPrintAsTracemallocPrintsThem() {
        Estimate e = Estimate.of(List.of(new Estimate.Row(trace("A.java", 5, 204800, 100), true, true)), 16);
        assertEquals(List.of("A.java:5: size=200 KiB, count=100, average=2048 B"),
                e.statistics(KeyType.LINENO, false).stream().map(Object::toString).toList());
    }

    @Test
    void anUnknownSizeOrCountIsPrintedAsUnknownNeverAsZeroAndHasNoAverage() {
        Estimate e = Estimate.of(List.of(
                new Estimate.Row(trace("A.java", 5, 0, 7), false, true),
                new Estimate.Row(trace("B.java", 9, 1 << 20, 1), true, false)), 16);
        assertEquals(List.of("B.java:9: size=1024 KiB, count=unknown", "A.java:5: size=unknown, count=7"),
                e.statistics(KeyType.LINENO, false).stream().map(Object::toString).toList());
    }

    @Test
    void aGroupWithOneUnknownMemberIsUnknownInThatNumber() {
        Estimate e = Estimate.of(List.of(
                new Estimate.Row(trace("A.java", 5, 4096, 2), true, true),
                new Estimate.Row(trace("A.java", 6, 0, 3), false, true)), 16);
        assertEquals(List.of("A.java:0: size=unknown, count=5"),
                e.statistics(KeyType.FILENAME, false).stream().map(Object::toString).toList());
        assertEquals(List.of("Main.java:1: size=unknown, count=5", "A.java:5: size=4096 B, count=2, average=2048 B",
                        "A.java:6: size=unknown, count=3"),
                e.statistics(KeyType.LINENO, true).stream().map(Object::toString).toList());
    }

    @Test
    void filtersKeepWhatIsUnknown() {
        Estimate e = Estimate.of(List.of(
                new Estimate.Row(trace("A.java", 5, 4096, 2), true, true),
                new Estimate.Row(trace("B.java", 6, 8192, 1), true, false)), 16)
                .filterTraces(List.of(new Filter(true, "B.java")));
        assertEquals(List.of("B.java:6: size=8192 B, count=unknown"),
                e.statistics(KeyType.LINENO, false).stream().map(Object::toString).toList());
        Trace kept = e.snapshot().traces().get(0);
        assertEquals(List.of(true, false), List.of(e.sizeKnown(kept), e.countKnown(kept)));
    }
}
