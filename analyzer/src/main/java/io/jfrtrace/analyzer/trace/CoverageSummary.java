package io.jfrtrace.analyzer.trace;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code write_results}' summary: per module, {@code n_lines}, {@code int(100 * n_hits / n_lines)}, the module and the
 * path; printed sorted by module under {@code lines   cov%   module   (path)}. A file that counted no line is left
 * out, as CPython leaves it out; a module named twice keeps its last row (a dict keyed by module name).
 */
public final class CoverageSummary {
    private record Row(int lines, int percent, String module, String path) {
    }

    private final Map<String, Row> rows = new TreeMap<>();

    /** Adds a file's row if it counted any line. */
    public void add(CoverText.Counted counted, String module, String path) {
        if (counted.lines() == 0) {
            return;
        }
        // Python's true division of two ints, then int(): truncated toward zero
        int percent = (int) ((double) (100L * counted.hits()) / counted.lines());
        rows.put(module, new Row(counted.lines(), percent, module, path));
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The summary text (nothing when no file counted a line). */
    public String text() {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("lines   cov%   module   (path)\n");
        for (Row r : rows.values()) {
            String n = Integer.toString(r.lines());
            String p = Integer.toString(r.percent());
            b.append(" ".repeat(Math.max(0, 5 - n.length()))).append(n).append("   ")
                    .append(" ".repeat(Math.max(0, 3 - p.length()))).append(p).append("%   ")
                    .append(r.module()).append("   (").append(r.path()).append(")\n");
        }
        return b.toString();
    }
}
