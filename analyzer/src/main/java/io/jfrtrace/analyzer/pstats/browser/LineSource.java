package io.jfrtrace.analyzer.pstats.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Where the browser's commands come from: Python's {@code input(prompt)}. Over a pipe it writes the prompt and reads a
 * line ({@link #of}); a terminal's line editor (the command line's) shows the prompt itself.
 */
@FunctionalInterface
public interface LineSource {
    /** The next line without its end, or null at the end of the input. */
    String readLine(String prompt) throws IOException;

    /** {@code input()} with stdin not a terminal: the prompt written (and flushed) to {@code out}, the line not echoed. */
    static LineSource of(BufferedReader in, PrintWriter out) {
        return prompt -> {
            out.print(prompt);
            out.flush();
            return in.readLine();
        };
    }
}
