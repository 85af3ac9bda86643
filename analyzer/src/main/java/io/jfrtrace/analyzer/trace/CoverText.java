package io.jfrtrace.analyzer.trace;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jfrtrace.schema.text.SourceLines;

/**
 * {@code CoverageResults.write_results_file}: one output line per source line, {@code "%5d: "} and the line for a line
 * that ran, {@code ">>>>>> "} for an executable line that did not (only when the executable lines are given, i.e.
 * with {@code --missing}, and not on a line holding {@code #pragma NO COVER}), seven spaces otherwise; tabs expanded
 * to 8.
 */
public final class CoverText {
    static final String PRAGMA_NOCOVER = "#pragma NO COVER";

    /** What a file's text counted: lines that ran, and those plus the missing ones (the summary's figures). */
    public record Counted(int hits, int lines) {
    }

    private CoverText() {
    }

    /**
     * Appends the {@code .cover} text of {@code source} (its lines with their line ends, {@link #lines}) to
     * {@code out}; {@code executable} is CPython's {@code lnotab} (empty without {@code --missing}).
     */
    public static Counted write(List<String> source, Set<Integer> executable, Map<Integer, Long> hits,
            StringBuilder out) {
        int nHits = 0;
        int nLines = 0;
        int lineno = 0;
        for (String line : source) {
            lineno++;
            Long count = hits.get(lineno);
            if (count != null) {
                String n = Long.toString(count);
                out.append(" ".repeat(Math.max(0, 5 - n.length()))).append(n).append(": ");
                nHits++;
                nLines++;
            } else if (executable.contains(lineno) && !line.contains(PRAGMA_NOCOVER)) {
                out.append(">>>>>> ");
                nLines++;
            } else {
                out.append("       ");
            }
            out.append(expandTabs(line, 8));
        }
        return new Counted(nHits, nLines);
    }

    /** A source text as {@code linecache.getlines} gives it ({@link SourceLines}, shared with the agent's --trace). */
    public static List<String> lines(String text) {
        return SourceLines.of(text);
    }

    /** {@code str.expandtabs(tabsize)}: the column starts again after {@code \n} and {@code \r}. */
    static String expandTabs(String s, int tabsize) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = tabsize - column % tabsize;
                b.append(" ".repeat(spaces));
                column += spaces;
            } else {
                b.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return b.toString();
    }
}
