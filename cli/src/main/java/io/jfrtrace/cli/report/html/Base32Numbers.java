package io.jfrtrace.cli.report.html;

import java.io.IOException;

/**
 * Non-negative numbers as text with no separators, for the page's long number lists (a tree of a million nodes is
 * three million numbers): base 32, most significant digit first; the last digit of a number is one of the first 32
 * characters of {@link #DIGITS}, the others of the last 32. Small numbers (most of a tree's) take one character, and
 * every character is safe in JSON, HTML and a URL without escaping.
 */
final class Base32Numbers {
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    private Base32Numbers() {
    }

    static void append(long n, Appendable out) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        int shift = 0;
        while (shift < 60 && n >>> (shift + 5) != 0) {
            shift += 5;
        }
        for (; shift > 0; shift -= 5) {
            out.append(DIGITS.charAt(32 + (int) (n >>> shift & 31)));
        }
        out.append(DIGITS.charAt((int) (n & 31)));
    }
}
