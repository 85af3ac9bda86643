package io.jfrtrace.analyzer.python;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;

/** Python {@code str} behaviour: lengths and padding in code points, code point order, {@code repr}, {@code time.ctime}. */
public final class PyStr {
    private PyStr() {}

    /** Python string order: by code point (not UTF-16 unit). */
    public static final Comparator<String> CODE_POINT_ORDER = PyStr::compare;

    /** {@code len(s)}: number of code points. */
    public static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    public static int compare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** {@code s.rjust(width)}: never truncates. */
    public static String rjust(String s, int width) {
        int n = len(s);
        return n >= width ? s : " ".repeat(width - n) + s;
    }

    /** {@code s.ljust(width)}: never truncates. */
    public static String ljust(String s, int width) {
        int n = len(s);
        return n >= width ? s : s + " ".repeat(width - n);
    }

    /** {@code repr(s)} of a Python {@code str}. */
    public static String repr(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x7f) {
                sb.append((char) c);
            } else if (isPrintable(c)) {
                sb.appendCodePoint(c);
            } else if (c <= 0xff) {
                sb.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one code point (Unicode database of the JDK). */
    static boolean isPrintable(int c) {
        if (c == ' ') return true;
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * {@code time.ctime(t)} in the given zone, e.g. {@code "Mon Jan  1 09:05:03 2024"} (seconds truncated toward
     * -inf). A {@link TimeZone}, not a {@code ZoneId}: the system's default zone as a {@code ZoneId} loads the
     * time-zone database a second time, about 6 ms of every {@code stats} (the offset at {@code t} is the same).
     */
    public static String ctime(Instant t, TimeZone zone) {
        long seconds = t.getEpochSecond();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(zone.getOffset(seconds * 1000) / 1000);
        LocalDateTime z = LocalDateTime.ofEpochSecond(seconds, 0, offset);
        StringBuilder sb = new StringBuilder(24);
        sb.append(DAYS[z.getDayOfWeek().getValue() - 1]).append(' ')
          .append(MONTHS[z.getMonthValue() - 1]).append(' ');
        int d = z.getDayOfMonth();
        if (d < 10) sb.append(' ');
        sb.append(d).append(' ')
          .append(two(z.getHour())).append(':').append(two(z.getMinute())).append(':').append(two(z.getSecond()))
          .append(' ').append(z.getYear());
        return sb.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** Python's {@code str.strip()} with no argument (Unicode whitespace as Python defines it). */
    public static String strip(String s) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }

    /** Python's {@code str.split()} with no argument: the words between runs of Unicode whitespace. */
    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (isSpace(c)) {
                if (start >= 0) words.add(s.substring(start, i));
                start = -1;
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) words.add(s.substring(start));
        return words;
    }

    /** {@code Py_UNICODE_ISSPACE}. */
    public static boolean isSpace(int c) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85) return true;
        if (c < 128) return false;
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }
}
