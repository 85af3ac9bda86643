package io.jfrtrace.schema;

import java.util.Map;
import java.util.TreeMap;

/**
 * The two encodings of the line events (docs/events.md): a class's executable lines, ascending and joined by
 * {@code ,} ({@code 3,4,9}); its counts, {@code line:count} pairs joined by {@code ,} ({@code 4:1,5:10}). Written
 * by the recorder, read by the analyzer.
 */
public final class LineLists {
    private LineLists() {
    }

    /** {@code 3,4,9}. */
    public static String lines(int[] ascending) {
        StringBuilder b = new StringBuilder(ascending.length * 4);
        for (int i = 0; i < ascending.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(ascending[i]);
        }
        return b.toString();
    }

    /** The lines of {@link #lines(int[])}; an empty text is none. */
    public static int[] parseLines(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(",", -1);
        int[] lines = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            lines[i] = number(parts[i], text);
        }
        return lines;
    }

    /** Appends one {@code line:count} pair to {@code b} (a {@code ,} first unless {@code b} is empty). */
    public static void appendCount(StringBuilder b, int line, long count) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(line).append(':').append(count);
    }

    /** The pairs of the lines whose count is not 0: {@code lines[i]:counts[i]} (counts.length <= lines.length). */
    public static String counts(int[] lines, long[] counts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                appendCount(b, lines[i], counts[i]);
            }
        }
        return b.toString();
    }

    /** The pairs of a counts text, line to count (a line named twice adds up). */
    public static Map<Integer, Long> parseCounts(String text) {
        Map<Integer, Long> counts = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return counts;
        }
        for (String pair : text.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("bad line counts '" + text + "'");
            }
            long count;
            try {
                count = Long.parseLong(pair.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad line counts '" + text + "'");
            }
            counts.merge(number(pair.substring(0, colon), text), count, Long::sum);
        }
        return counts;
    }

    private static int number(String s, String text) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad line list '" + text + "'");
        }
    }
}
