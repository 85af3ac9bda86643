package io.jfrtrace.schema.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A source file's lines as CPython's {@code linecache.getlines} gives them, the one rule for both sides: the
 * {@code .cover} files written by {@code trace}'s report and the lines the agent prints with {@code --trace}.
 */
public final class SourceLines {
    private SourceLines() {
    }

    /**
     * Read with universal newlines ({@code \r\n} and {@code \r} become {@code \n}), split after each {@code \n}; a last
     * line without one gets one (linecache adds it).
     */
    public static List<String> of(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < t.length()) {
            int nl = t.indexOf('\n', start);
            int end = nl < 0 ? t.length() : nl + 1;
            lines.add(nl < 0 ? t.substring(start) + "\n" : t.substring(start, end));
            start = end;
        }
        return lines;
    }
}
