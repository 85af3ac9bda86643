package io.jfrtrace.analyzer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageResultsTest {
    @Test
    void updateAddsCountsAndJoinsExecutableLines() {
        CoverageResults a = new CoverageResults();
        a.addCount("a/A.java", 3, 2);
        a.addExecutable("a/A.java", new int[] {3, 5});
        CoverageResults b = new CoverageResults();
        b.addCount("a/A.java", 3, 5);
        b.addExecutable("a/A.java", new int[] {7});
        b.addExecutable("a/Never.java", new int[] {4});
        a.update(b);
        List<FileCoverage> files = a.perFile();
        assertEquals(2, files.size());
        assertEquals(Map.of(3, 7L), files.get(0).hits());
        assertEquals(Set.of(3, 5, 7), files.get(0).executable());
        assertEquals("a/Never.java", files.get(1).file()); // loaded, never run: still reported
        assertEquals(Map.of(), files.get(1).hits());
    }

    @ParameterizedTest
    @CsvSource({"com/example/Demo.java, Demo, com.example.Demo", "Demo.java, Demo, Demo",
            "a/.hidden, .hidden, a.", "a.b/c, c, a.b"}) // as python3 gives them
    void moduleNamesAreTracePys(String file, String modname, String fullmodname) {
        assertEquals(modname, ModuleNames.modname(file));
        assertEquals(fullmodname, ModuleNames.fullmodname(file));
    }

    @Test
    void sourceLinesAreLinecachesAndTabsExpandAsPythons() {
        assertEquals(List.of("a\n", "b\n", "c\n"), CoverText.lines("a\r\nb\rc"));
        assertEquals("ab      c\n", CoverText.expandTabs("ab\tc\n", 8));
        assertEquals("x\n        y", CoverText.expandTabs("x\n\ty", 8));
    }
}
