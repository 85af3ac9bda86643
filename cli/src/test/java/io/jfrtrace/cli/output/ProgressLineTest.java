package io.jfrtrace.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The progress line: nothing for a read under a second, then one line rewritten in place, and no trace at the end. */
class ProgressLineTest {
    private long now;

    @Test
    void aQuickReadShowsNothing() {
        StringWriter out = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(out), "jfr-trace stats: reading x.jfr", () -> now);
        now = 900_000_000L;
        line.chunksRead(1, 2);
        line.chunksRead(2, 2);
        assertEquals("", out.toString());
    }

    @Test
    void aSlowReadRewritesOneLineAndClearsItAtTheEnd() {
        StringWriter out = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(out), "jfr-trace stats: reading x.jfr", () -> now);
        now = 1_500_000_000L;
        line.chunksRead(9, 16);
        line.chunksRead(10, 16);
        line.chunksRead(16, 16);
        String shown = "jfr-trace stats: reading x.jfr: chunk 9 of 16";
        assertEquals("\r" + shown + "\r" + "jfr-trace stats: reading x.jfr: chunk 10 of 16"
                + "\r" + " ".repeat(shown.length() + 1) + "\r", out.toString());
    }

    @Test
    void aFileOrPipeGetsNoProgress() {
        // the tests' stderr is a pipe or a file, never a terminal
        assertEquals(io.jfrtrace.analyzer.jfr.ReadProgress.NONE,
                ProgressLine.of(new PrintWriter(new StringWriter()), "x", false));
        assertEquals(io.jfrtrace.analyzer.jfr.ReadProgress.NONE,
                ProgressLine.of(new PrintWriter(new StringWriter()), "x", true));
    }
}
