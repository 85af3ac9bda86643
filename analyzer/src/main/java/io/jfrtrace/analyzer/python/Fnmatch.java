package io.jfrtrace.analyzer.python;

import io.jfrtrace.analyzer.python.PyStr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * POSIX {@code fnmatch.fnmatch} (case-sensitive; {@code *} also matches {@code /}; {@code ?}; {@code [seq]};
 * {@code [!seq]}), translated to a {@link Pattern} with the same semantics as CPython 3.11's {@code fnmatch.translate}
 * (ranges, a leading {@code ]} is literal, empty ranges such as {@code z-a} are dropped, {@code []]}...).
 * Unlike Python, an unterminated {@code [} is rejected instead of matching a literal {@code [}.
 */
public final class Fnmatch {
    private Fnmatch() {}

    /** Thrown for a pattern we refuse (an unterminated {@code [}). */
    public static final class InvalidPatternException extends IllegalArgumentException {
        public InvalidPatternException(String message) {
            super(message);
        }
    }

    /** {@code fnmatch.fnmatchcase(name, pattern)}. */
    public static boolean matches(String name, String pattern) {
        return compile(pattern).matcher(name).matches();
    }

    /** The compiled pattern; use {@code matcher(name).matches()}. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(translate(pattern), Pattern.DOTALL);
    }

    private static final Object STAR = new Object();

    /** A Java regex (to be used with {@link java.util.regex.Matcher#matches()} and {@link Pattern#DOTALL}). */
    public static String translate(String pattern) {
        int[] p = pattern.codePoints().toArray();
        int n = p.length;
        List<Object> res = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int c = p[i++];
            if (c == '*') {
                if (res.isEmpty() || res.get(res.size() - 1) != STAR) res.add(STAR);
            } else if (c == '?') {
                res.add(".");
            } else if (c == '[') {
                int j = i;
                if (j < n && p[j] == '!') j++;
                if (j < n && p[j] == ']') j++;
                while (j < n && p[j] != ']') j++;
                if (j >= n) {
                    throw new InvalidPatternException("invalid file name pattern " + PyStr.repr(pattern)
                            + ": '[' at position " + i // 1-based, in code points
                            + " has no closing ']'");
                }
                res.add(charClass(p, i, j));
                i = j + 1;
            } else {
                res.add(literal(c));
            }
        }
        // Stars: ".*" at the end, atomic minimal "(?>.*?FIXED)" in between, as Python does (same language, no
        // catastrophic backtracking).
        StringBuilder out = new StringBuilder();
        int k = 0, m = res.size();
        while (k < m && res.get(k) != STAR) out.append((String) res.get(k++));
        while (k < m) {
            k++; // STAR
            if (k == m) {
                out.append(".*");
                break;
            }
            StringBuilder fixed = new StringBuilder();
            while (k < m && res.get(k) != STAR) fixed.append((String) res.get(k++));
            if (k == m) out.append(".*").append(fixed);
            else out.append("(?>.*?").append(fixed).append(")");
        }
        return out.toString();
    }

    private static String literal(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    /** The class between {@code p[i]} (just after '[') and {@code p[j]} (the closing ']'), as Python's translate. */
    private static String charClass(int[] p, int i, int j) {
        // Chunks: code points between range hyphens; a range joins the last char of a chunk and the first of the next.
        List<List<Integer>> chunks = new ArrayList<>();
        boolean hasHyphen = false;
        for (int k = i; k < j; k++) if (p[k] == '-') hasHyphen = true;
        if (!hasHyphen) {
            chunks.add(slice(p, i, j));
        } else {
            int k = p[i] == '!' ? i + 2 : i + 1;
            while (true) {
                k = find(p, '-', k, j);
                if (k < 0) break;
                chunks.add(slice(p, i, k));
                i = k + 1;
                k = k + 3;
            }
            List<Integer> chunk = slice(p, i, j);
            if (!chunk.isEmpty()) chunks.add(chunk);
            else chunks.get(chunks.size() - 1).add((int) '-');
            // Remove empty ranges.
            for (int q = chunks.size() - 1; q > 0; q--) {
                List<Integer> a = chunks.get(q - 1), b = chunks.get(q);
                if (a.get(a.size() - 1) > b.get(0)) {
                    List<Integer> merged = new ArrayList<>(a.subList(0, a.size() - 1));
                    merged.addAll(b.subList(1, b.size()));
                    chunks.set(q - 1, merged);
                    chunks.remove(q);
                }
            }
        }
        // "stuff" is the chunks joined by range hyphens.
        int total = 0;
        for (List<Integer> ch : chunks) total += ch.size();
        total += chunks.size() - 1;
        if (total == 0) return "(?!)"; // empty class: never matches
        boolean negate = chunks.get(0).get(0) == '!';
        if (negate && total == 1) return "."; // "[!]": any character
        StringBuilder sb = new StringBuilder("[");
        if (negate) {
            sb.append('^');
            chunks.get(0).remove(0);
        }
        for (int q = 0; q < chunks.size(); q++) {
            List<Integer> ch = chunks.get(q);
            for (int r = 0; r < ch.size(); r++) {
                sb.append(literal(ch.get(r)));
                if (r == ch.size() - 1 && q + 1 < chunks.size()) sb.append('-'); // range to next chunk's first
            }
        }
        return sb.append(']').toString();
    }

    private static List<Integer> slice(int[] p, int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int k = from; k < to; k++) l.add(p[k]);
        return l;
    }

    private static int find(int[] p, int c, int from, int to) {
        for (int k = Math.max(from, 0); k < to; k++) if (p[k] == c) return k;
        return -1;
    }
}
