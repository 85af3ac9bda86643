package io.jfrtrace.analyzer.python;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Python's {@code int(str)} and {@code float(str)} parsing rules (base 10). */
public final class PyNumbers {
    private PyNumbers() {}

    private static final Pattern INT = Pattern.compile("[+-]?[0-9](?:_?[0-9])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\\.(?:[0-9](?:_?[0-9])*)?)?|\\.[0-9](?:_?[0-9])*)"
                    + "(?:[eE][+-]?[0-9](?:_?[0-9])*)?)");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** {@code int(s)} or {@code null} when Python would raise {@code ValueError}. */
    public static BigInteger parseInt(String s) {
        String t = normalize(s);
        if (t == null || !INT.matcher(t).matches()) return null;
        return new BigInteger(t.replace("_", ""));
    }

    /** {@code float(s)} or {@code null} when Python would raise {@code ValueError}. */
    public static Double parseFloat(String s) {
        String t = normalize(s);
        if (t == null) return null;
        if (SPECIAL.matcher(t).matches()) {
            boolean neg = t.startsWith("-");
            String w = t.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
            if (w.equals("nan")) return neg ? -Double.NaN : Double.NaN;
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!FLOAT.matcher(t).matches()) return null;
        return Double.parseDouble(t.replace("_", ""));
    }

    /** Strips Python whitespace and maps Unicode decimal digits to ASCII; {@code null} if nothing is left. */
    private static String normalize(String s) {
        int start = 0, end = s.length();
        while (start < end && isPySpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isPySpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        if (start == end) return null;
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c > 127 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(c, 10)));
            } else if (c > 127 && isPySpace(c)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    static boolean isPySpace(int c) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85) return true;
        if (c < 128) return false;
        int t = Character.getType(c);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }
}
