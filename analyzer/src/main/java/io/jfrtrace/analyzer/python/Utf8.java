package io.jfrtrace.analyzer.python;

import java.io.ByteArrayOutputStream;

/** UTF-8 with Python's {@code surrogatepass} error handler (lone surrogates travel as 3-byte sequences). */
public final class Utf8 {
    private Utf8() {}

    public static byte[] encodeSurrogatePass(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else if (c < 0x10000) {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            } else {
                out.write(0xf0 | (c >> 18));
                out.write(0x80 | ((c >> 12) & 0x3f));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
        return out.toByteArray();
    }

    public static String decodeSurrogatePass(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int need;
            int cp;
            if (c < 0x80) { sb.append((char) c); i++; continue; }
            else if (c >= 0xc2 && c < 0xe0) { need = 1; cp = c & 0x1f; }
            else if (c >= 0xe0 && c < 0xf0) { need = 2; cp = c & 0x0f; }
            else if (c >= 0xf0 && c < 0xf5) { need = 3; cp = c & 0x07; }
            else throw new IllegalArgumentException("invalid UTF-8 start byte at " + i);
            if (i + need >= b.length) {
                throw new IllegalArgumentException("truncated UTF-8 at " + i);
            }
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) throw new IllegalArgumentException("invalid UTF-8 at " + (i + k));
                cp = (cp << 6) | (cc & 0x3f);
            }
            if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
                throw new IllegalArgumentException("overlong UTF-8 at " + i);
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }
}
