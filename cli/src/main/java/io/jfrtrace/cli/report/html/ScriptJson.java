package io.jfrtrace.cli.report.html;

import java.io.IOException;

/**
 * JSON strings that are safe inside an HTML {@code <script>} element: besides JSON's own escapes, {@code <}, {@code >}
 * and {@code &} become {@code \}{@code u003c} etc. (so no {@code </script>} or {@code <!--} can end or bend the
 * element), U+2028/U+2029 are escaped (older JavaScript parsers end a line there), and so is every surrogate (an
 * unpaired one could not be written as UTF-8; JSON.parse reassembles pairs).
 */
final class ScriptJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ScriptJson() {
    }

    static void string(CharSequence s, Appendable out) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15])
                                .append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String string(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        try {
            string(s, out);
        } catch (IOException e) {
            throw new AssertionError(e); // a StringBuilder does not throw
        }
        return out.toString();
    }
}
