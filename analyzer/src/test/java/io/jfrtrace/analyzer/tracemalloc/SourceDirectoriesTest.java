package io.jfrtrace.analyzer.tracemalloc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SourceDirectoriesTest {
    @Test
    void findsRelativeNamesUnderEachRootInOrderAndAbsoluteNamesDirectly(@TempDir Path dir) throws Exception {
        Path r1 = Files.createDirectories(dir.resolve("r1")), r2 = Files.createDirectories(dir.resolve("r2/pkg"));
        Files.writeString(r2.resolve("M.java"), "\uFEFFclass M {\r\n  int x;\rint y;\n");
        SourceLines lines = new SourceDirectories(List.of(r1, dir.resolve("r2")));
        assertEquals("class M {", lines.line("pkg/M.java", 1));
        assertEquals("  int x;", lines.line("pkg/M.java", 2));
        assertEquals("int y;", lines.line("pkg/M.java", 3));
        assertNull(lines.line("pkg/M.java", 4));
        assertNull(lines.line("pkg/M.java", 0));
        assertEquals("int y;", lines.line(r2.resolve("M.java").toString(), 3));
        assertNull(lines.line("<unknown>", 1));
        assertNull(SourceLines.NONE.line("pkg/M.java", 1));
    }

    @Test
    void formatStripsSourceLinesLikePythonAndSkipsBlankOnes() {
        SourceLines src = (f, n) -> n == 1 ? "\u3000\t code \u00a0" : "  \t ";
        Traceback tb = new Traceback(List.of(new Frame("a.py", 1), new Frame("a.py", 2)));
        assertEquals(List.of("  File \"a.py\", line 2", "  File \"a.py\", line 1", "    code"),
                tb.format(null, true, src));
        assertEquals(List.of("  File \"a.py\", line 1", "    code"), tb.format(-1, false, src));
        assertEquals(List.of(), tb.format(0, false, src));
        assertEquals(List.of("  File \"a.py\", line 2"), tb.format(1, false, src));
    }
}
