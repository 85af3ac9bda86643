package io.jfrtrace.analyzer.tracemalloc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotCsvTest {
    @Test
    void writesHeaderAndOneRowPerTraceWithFramesOldestFirst() throws IOException {
        Traceback tb = new Traceback(List.of(new Frame("C:\\a:b.py", 1), new Frame("x,\"y\".py", 22)), 7);
        Snapshot s = new Snapshot(List.of(new Trace(2, 100, 4, tb),
                new Trace(0, 5, 1, new Traceback(List.of(new Frame("<unknown>", 0)))) ), 3);
        StringBuilder sb = new StringBuilder();
        SnapshotCsv.write(s, sb);
        assertEquals("domain,size,count,total_nframe,frames\n"
                + "2,100,4,7,\"C:\\a:b.py:1;x,\"\"y\"\".py:22\"\n"
                + "0,5,1,,<unknown>:0\n", sb.toString());
        Snapshot back = SnapshotCsv.read(new StringReader(sb.toString()), 3);
        assertEquals(s.traces(), back.traces());
        assertEquals(7, back.traces().get(0).traceback().totalNframe());
        assertEquals(null, back.traces().get(1).traceback().totalNframe());
        assertEquals(new Frame("C:\\a:b.py", 1), back.traces().get(0).traceback().get(0));
    }

    @Test
    void readsCrlfInputAndRejectsAWrongHeader() throws IOException {
        Snapshot s = SnapshotCsv.read(new StringReader("domain,size,count,total_nframe,frames\r\n0,1,1,1,a.py:1\r\n"));
        assertEquals(1, s.traces().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapshotCsv.read(new StringReader("domain,size,frames\n0,1,a:1\n")));
        assertTrue(e.getMessage().startsWith("not a tracemalloc snapshot CSV"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SnapshotCsv.read(new StringReader(
                "domain,size,count,total_nframe,frames\n0,1,1,,nolinenumber\n")));
        assertTrue(e.getMessage().startsWith("CSV record 2: "), e.getMessage());
    }

    @Test
    void refusesFileNamesThatCannotRoundTrip() {
        Snapshot s = new Snapshot(List.of(new Trace(0, 1, new Traceback(List.of(new Frame("a;b.py", 1))))), 1);
        assertThrows(IllegalArgumentException.class, () -> SnapshotCsv.write(s, new StringBuilder()));
    }
}
