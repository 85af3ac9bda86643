package io.jfrtrace.analyzer.tracemalloc;

/** Small Python {@code str} helpers this package needs. */
final class PyText {
    private PyText() {}

    /** Python's {@code str.strip()} with no argument (Unicode whitespace as Python defines it). */
    static String strip(String s) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }

    /** {@code Py_UNICODE_ISSPACE}. */
    static boolean isSpace(int c) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85) return true;
        if (c < 128) return false;
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }
}
