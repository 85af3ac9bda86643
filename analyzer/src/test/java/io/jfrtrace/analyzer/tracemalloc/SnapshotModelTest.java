package io.jfrtrace.analyzer.tracemalloc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotModelTest {
    static Traceback tb(String file, int line) {
        return new Traceback(List.of(new Frame(file, line)));
    }

    @Test
    void keyTypeParsesPythonNamesAndRejectsOthersClearly() {
        assertEquals(KeyType.LINENO, KeyType.parse("lineno"));
        assertEquals(KeyType.FILENAME, KeyType.parse("filename"));
        assertEquals(KeyType.TRACEBACK, KeyType.parse("traceback"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyType.parse("Lineno"));
        assertEquals("unknown key_type: 'Lineno' (expected 'lineno', 'filename' or 'traceback')", e.getMessage());
    }

    @Test
    void cumulativeModeIsRejectedForTracebackKeyLikePython() {
        Snapshot s = new Snapshot(List.of(new Trace(0, 1, tb("a.py", 1))), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.statistics(KeyType.TRACEBACK, true));
        assertTrue(e.getMessage().contains("cumulative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.compareTo(s, KeyType.TRACEBACK, true));
    }

    @Test
    void oneRowCountsAsCountBlocks() {
        Snapshot s = new Snapshot(List.of(new Trace(0, 30, 3, tb("a.py", 1)), new Trace(1, 10, 1, tb("a.py", 1))), 1);
        assertEquals(List.of(new Statistic(tb("a.py", 1), 40, 4)), s.statistics(KeyType.LINENO));
        assertEquals("a.py:1: size=40 B, count=4, average=10 B", s.statistics(KeyType.LINENO).get(0).toString());
    }

    @Test
    void tracebackOrderComparesFileNamesByCodePointThenLineNumbers() {
        Traceback fullwidth = tb("\uFF21.py", 1), emoji = tb("\uD83D\uDE00.py", 1);
        assertTrue(fullwidth.compareTo(emoji) < 0, "U+FF21 < U+1F600 by code point");
        assertTrue(tb("a.py", 5).compareTo(tb("a.py", 25)) < 0);
        Traceback shorter = tb("a.py", 1);
        Traceback longer = new Traceback(List.of(new Frame("a.py", 1), new Frame("a.py", 0)));
        assertTrue(shorter.compareTo(longer) < 0, "a prefix sorts first");
    }

    @Test
    void tracebackEqualityIgnoresTotalNframeAndStringIsOldestFrame() {
        Traceback t1 = new Traceback(List.of(new Frame("old.py", 1), new Frame("new.py", 2)), 10);
        Traceback t2 = Traceback.ofMostRecentFirst(List.of(new Frame("new.py", 2), new Frame("old.py", 1)), null);
        assertEquals(t1, t2);
        assertEquals(t1.hashCode(), t2.hashCode());
        assertEquals("old.py:1", t1.toString());
        assertEquals(new Frame("new.py", 2), t1.mostRecent());
    }

    @Test
    void tracesRejectEmptyTracebacksAndImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Trace(0, 1, new Traceback(List.of())));
        assertThrows(IllegalArgumentException.class, () -> new Trace(0, -1, tb("a.py", 1)));
        assertThrows(IllegalArgumentException.class, () -> new Trace(0, 1, 0, tb("a.py", 1)));
    }

    @Test
    void statisticDiffPrintsSignedDiffsAndNoAverageForZeroCount() {
        assertEquals("app/gone.py:1: size=0 B (-1554 B), count=0 (-2)",
                new StatisticDiff(tb("app/gone.py", 1), 0, -1554, 0, -2).toString());
        assertEquals("lib/cache.py:7: size=10.0 KiB (+0 B), count=1 (+0), average=10.0 KiB",
                new StatisticDiff(tb("lib/cache.py", 7), 10240, 0, 1, 0).toString());
        assertEquals("lib/cache.py:9: size=10.1 MiB, count=2, average=5170 KiB",
                new Statistic(tb("lib/cache.py", 9), 10588160, 2).toString());
    }

    @Test
    void filterNormalizesPycAndFilterListsCombineAsInPython() {
        Trace pyc = new Trace(0, 1, tb("/x/m.pyc", 3));
        Trace other = new Trace(5, 1, tb("/x/n.txt", 3));
        Snapshot s = new Snapshot(List.of(pyc, other), 1);
        assertEquals("*.py", new Filter(true, "*.pyc").filenamePattern());
        assertEquals(List.of(pyc), s.filterTraces(List.of(new Filter(true, "*.py"))).traces());
        assertEquals(List.of(other), s.filterTraces(List.of(new Filter(false, "*.py"))).traces());
        assertEquals(List.of(pyc, other), s.filterTraces(List.of()).traces());
        assertEquals(List.of(pyc, other),
                s.filterTraces(List.of(new Filter(true, "*.py"), new DomainFilter(true, 5))).traces());
        assertEquals(List.of(),
                s.filterTraces(List.of(new Filter(true, "*.py"), new DomainFilter(false, 0))).traces());
    }
}
