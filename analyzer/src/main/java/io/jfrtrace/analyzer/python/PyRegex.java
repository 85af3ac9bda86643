package io.jfrtrace.analyzer.python;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a Python {@code re} pattern (str pattern, default Unicode semantics) to {@link java.util.regex}, for
 * {@code re.search}. Covers Python-only syntax ({@code (?P<n>...)}, {@code (?P=n)}, {@code \Z}, {@code \U},
 * {@code {,n}}, literal {@code {}, {@code (?#...)}, global {@code (?x)}/{@code (?a)}, Python's character class
 * rules) and reports Python's common compile errors as "invalid". Constructs that Python accepts but Java cannot
 * express (conditionals {@code (?(1)a|b)}, scoped {@code (?a:)} / {@code (?x:)}) raise
 * {@link UnsupportedRegexException}.
 */
public final class PyRegex {
    private PyRegex() {}

    /** A valid Python pattern that has no java.util.regex equivalent here. */
    public static final class UnsupportedRegexException extends IllegalArgumentException {
        public UnsupportedRegexException(String pattern, String why) {
            super("unsupported Python regular expression " + io.jfrtrace.analyzer.python.PyStr.repr(pattern)
                    + ": " + why);
        }
    }

    /** Python would raise {@code re.error}. */
    private static final class Invalid extends Exception {
        Invalid(String msg) {
            super(msg, null, false, false);
        }
    }

    /** The compiled pattern, or {@code null} when Python's {@code re.compile} would fail. */
    public static Pattern compile(String pattern) {
        Translator t = new Translator(pattern);
        String java;
        try {
            java = t.translate();
        } catch (Invalid e) {
            return null;
        }
        int flags = Pattern.UNIX_LINES | t.globalFlags;
        if (!t.ascii) flags |= Pattern.UNICODE_CHARACTER_CLASS;
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** The java.util.regex text for a Python pattern ({@code null} if invalid); for tests and diagnostics. */
    public static String translate(String pattern) {
        try {
            return new Translator(pattern).translate();
        } catch (Invalid e) {
            return null;
        }
    }

    private static final class Translator {
        private final String p;
        private int i;
        private final StringBuilder out = new StringBuilder();
        int globalFlags;
        boolean ascii;
        private boolean verbose;
        private int groupCount;
        private final Deque<Integer> open = new ArrayDeque<>(); // group number or 0 for non-capturing
        private final Set<Integer> closed = new HashSet<>();
        private final Map<String, Integer> names = new HashMap<>();
        /** What the last item was: 0 nothing/alternation start, 1 atom, 2 quantified atom, 3 zero-width anchor. */
        private int last;

        Translator(String p) {
            this.p = p;
        }

        String translate() throws Invalid {
            boolean onlyGlobalFlagsSoFar = true;
            while (i < p.length()) {
                int c = p.codePointAt(i);
                if (verbose && isVerboseSpace(c)) {
                    i += Character.charCount(c);
                    continue;
                }
                if (verbose && c == '#') {
                    while (i < p.length() && p.charAt(i) != '\n') i++;
                    continue;
                }
                if (c == '(' && p.startsWith("(?", i) && isGlobalFlagGroup()) {
                    if (!onlyGlobalFlagsSoFar) throw new Invalid("global flags not at the start of the expression");
                    parseGlobalFlags();
                    continue;
                }
                onlyGlobalFlagsSoFar = false;
                i += Character.charCount(c);
                switch (c) {
                    case '\\': escape(); break;
                    case '[': charClass(); break;
                    case '(': group(); break;
                    case ')':
                        if (open.isEmpty()) throw new Invalid("unbalanced parenthesis");
                        int g = open.pop();
                        if (g > 0) closed.add(g);
                        out.append(')');
                        last = 1;
                        break;
                    case '|': out.append('|'); last = 0; break;
                    case '*': case '+': case '?': quantifier(String.valueOf((char) c)); break;
                    case '{': brace(); break;
                    case '^': case '$': out.append((char) c); last = 3; break;
                    case '.': out.append('.'); last = 1; break;
                    default: literal(c); break;
                }
            }
            if (!open.isEmpty()) throw new Invalid("missing ), unterminated subpattern");
            return out.toString();
        }

        private static boolean isVerboseSpace(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
        }

        private boolean isGlobalFlagGroup() {
            int j = i + 2;
            while (j < p.length() && "aiLmsux".indexOf(p.charAt(j)) >= 0) j++;
            return j > i + 2 && j < p.length() && p.charAt(j) == ')';
        }

        private void parseGlobalFlags() throws Invalid {
            i += 2;
            while (p.charAt(i) != ')') {
                switch (p.charAt(i)) {
                    case 'i': globalFlags |= Pattern.CASE_INSENSITIVE; break;
                    case 'm': globalFlags |= Pattern.MULTILINE; break;
                    case 's': globalFlags |= Pattern.DOTALL; break;
                    case 'x': verbose = true; break;
                    case 'a': ascii = true; break;
                    case 'u': break;
                    case 'L': throw new Invalid("bad inline flag: cannot use 'L' flag with a str pattern");
                    default: throw new AssertionError();
                }
                i++;
            }
            i++;
        }

        private void literal(int c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                out.append((char) c);
            } else {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
            last = 1;
        }

        private void quantifier(String q) throws Invalid {
            if (last == 0 || last == 3) throw new Invalid("nothing to repeat");
            if (last == 2) throw new Invalid("multiple repeat");
            out.append(q);
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                out.append(p.charAt(i));
                i++;
            }
            last = 2;
        }

        private void brace() throws Invalid {
            // Python: "{}" and anything that is not {m}, {m,}, {,n}, {m,n}, {,} is a literal "{"
            int j = i;
            while (j < p.length() && isAsciiDigit(p.charAt(j))) j++;
            String lo = p.substring(i, j);
            String hi;
            if (j < p.length() && p.charAt(j) == ',') {
                int k = j + 1;
                while (k < p.length() && isAsciiDigit(p.charAt(k))) k++;
                hi = p.substring(j + 1, k);
                j = k;
            } else {
                hi = null;
            }
            boolean isRepeat = j < p.length() && p.charAt(j) == '}' && !(lo.isEmpty() && hi == null);
            if (!isRepeat) {
                literal('{');
                return;
            }
            i = j + 1;
            java.math.BigInteger min = lo.isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(lo);
            String q;
            if (hi == null) {
                q = "{" + min + "}";
            } else if (hi.isEmpty()) {
                q = "{" + min + ",}";
            } else {
                java.math.BigInteger max = new java.math.BigInteger(hi);
                if (max.compareTo(min) < 0) throw new Invalid("min repeat greater than max repeat");
                q = "{" + min + "," + max + "}";
            }
            if (min.bitLength() > 31 || (hi != null && !hi.isEmpty() && new java.math.BigInteger(hi).bitLength() > 31)) {
                throw new Invalid("the repetition number is too large");
            }
            quantifier(q);
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** End of an octal escape whose first digit is at {@code start}: at most three digits. */
    private static int octalEnd(String p, int start) {
        int end = start + 1;
        while (end - start < 3 && end < p.length() && isOctal(p.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int octal(String p, int start, int end) throws Invalid {
        int v = Integer.parseInt(p.substring(start, end), 8);
        if (v > 0377) throw new Invalid("octal escape value outside of range 0-0o377");
        return v;
    }

    private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        private void group() throws Invalid {
            if (!p.startsWith("?", i)) {
                groupCount++;
                open.push(groupCount);
                out.append('(');
                last = 0;
                return;
            }
            i++;
            if (i >= p.length()) throw new Invalid("unexpected end of pattern");
            char c = p.charAt(i);
            if (c == 'P') {
                i++;
                if (p.startsWith("<", i)) {
                    int end = p.indexOf('>', i);
                    if (end < 0) throw new Invalid("missing >, unterminated name");
                    String name = p.substring(i + 1, end);
                    if (!isIdentifier(name)) throw new Invalid("bad character in group name");
                    if (names.containsKey(name)) throw new Invalid("redefinition of group name");
                    groupCount++;
                    names.put(name, groupCount);
                    open.push(groupCount);
                    out.append("(?<pyg").append(groupCount).append('>');
                    i = end + 1;
                    last = 0;
                    return;
                }
                if (p.startsWith("=", i)) {
                    int end = p.indexOf(')', i);
                    if (end < 0) throw new Invalid("missing ), unterminated name");
                    String name = p.substring(i + 1, end);
                    if (!isIdentifier(name)) throw new Invalid("bad character in group name");
                    Integer g = names.get(name);
                    if (g == null) throw new Invalid("unknown group name");
                    if (!closed.contains(g)) throw new Invalid("cannot refer to an open group");
                    out.append("\\k<pyg").append(g).append('>');
                    i = end + 1;
                    last = 1;
                    return;
                }
                throw new Invalid("unknown extension ?P");
            }
            if (c == '#') {
                int end = p.indexOf(')', i);
                if (end < 0) throw new Invalid("missing ), unterminated comment");
                i = end + 1;
                return; // a comment does not change what the last item was
            }
            if (c == ':' || c == '=' || c == '!' || c == '>') {
                open.push(0);
                out.append("(?").append(c);
                i++;
                last = 0;
                return;
            }
            if (c == '<') {
                if (p.startsWith("<=", i) || p.startsWith("<!", i)) {
                    open.push(0);
                    out.append("(?").append(p, i, i + 2);
                    i += 2;
                    last = 0;
                    return;
                }
                throw new Invalid("unknown extension ?<");
            }
            if (c == '(') throw new UnsupportedRegexException(p, "conditional groups (?(...)...) have no Java equivalent");
            // scoped flags (?aiLmsux-imsx:...)
            StringBuilder on = new StringBuilder(), off = new StringBuilder();
            boolean minus = false;
            while (i < p.length() && p.charAt(i) != ':') {
                char f = p.charAt(i);
                if (f == '-') {
                    if (minus) throw new Invalid("bad inline flags");
                    minus = true;
                } else if ("imsx".indexOf(f) >= 0 || (!minus && "aLu".indexOf(f) >= 0)) {
                    if (f == 'L') throw new Invalid("bad inline flags: cannot use 'L' flag with a str pattern");
                    if (f == 'a' || f == 'x') {
                        throw new UnsupportedRegexException(p, "scoped (?" + f + ":...) flags are not supported");
                    }
                    if (f != 'u') (minus ? off : on).append(f);
                } else {
                    throw new Invalid(f == ')' ? "global flags not at the start" : "unknown extension");
                }
                i++;
            }
            if (i >= p.length()) throw new Invalid("missing :");
            i++;
            open.push(0);
            out.append("(?").append(on);
            if (off.length() > 0) out.append('-').append(off);
            out.append(':');
            last = 0;
        }

        private static boolean isIdentifier(String s) {
            if (s.isEmpty()) return false;
            int first = s.codePointAt(0);
            if (!(Character.isUnicodeIdentifierStart(first) || first == '_')) return false;
            for (int k = Character.charCount(first); k < s.length(); ) {
                int c = s.codePointAt(k);
                if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) return false;
                k += Character.charCount(c);
            }
            return true;
        }

        /** After a backslash outside a class. */
        private void escape() throws Invalid {
            if (i >= p.length()) throw new Invalid("bad escape (end of pattern)");
            int c = p.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case 'A': case 'b':
                    out.append('\\').append((char) c); last = 3; return;
                case 'B': // Python's \B never matches in an empty string
                    out.append("(?:(?!\\A\\z)\\B)"); last = 3; return;
                case 'Z':
                    out.append("\\z"); last = 3; return;
                case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
                    out.append('\\').append((char) c); last = 1; return;
                default:
                    break;
            }
            if (c >= '1' && c <= '9') {
                // octal escape if three octal digits, else a group reference of up to two digits
                if (isOctal((char) c) && i + 1 < p.length() && isOctal(p.charAt(i)) && isOctal(p.charAt(i + 1))) {
                    int v = Integer.parseInt(p.substring(i - 1, i + 2), 8);
                    if (v > 0377) throw new Invalid("octal escape value outside of range 0-0o377");
                    i += 2;
                    literal(v);
                    return;
                }
                int g = c - '0';
                if (i < p.length() && isAsciiDigit(p.charAt(i))) {
                    g = g * 10 + (p.charAt(i) - '0');
                    i++;
                }
                if (g > groupCount || !closed.contains(g)) throw new Invalid("invalid group reference " + g);
                out.append("(?:\\").append(g).append(')');
                last = 1;
                return;
            }
            literal(simpleEscape(c));
        }

        /** Escapes that denote one character, shared by classes and the top level. */
        private int simpleEscape(int c) throws Invalid {
            switch (c) {
                case 'a': return 7;
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'v': return 0x0b;
                case 'x': return hex(2);
                case 'u': return hex(4);
                case 'U': {
                    int v = hex(8);
                    if (v < 0 || v > 0x10ffff) throw new Invalid("bad escape \\U");
                    return v;
                }
                case 'N': {
                    if (!p.startsWith("{", i)) throw new Invalid("missing {");
                    int end = p.indexOf('}', i);
                    if (end < 0) throw new Invalid("missing }, unterminated name");
                    String name = p.substring(i + 1, end);
                    i = end + 1;
                    try {
                        return Character.codePointOf(name);
                    } catch (IllegalArgumentException e) {
                        throw new Invalid("undefined character name");
                    }
                }
                case '0': {
                    int v = 0, n = 0;
                    while (n < 2 && i < p.length() && isOctal(p.charAt(i))) {
                        v = v * 8 + (p.charAt(i) - '0');
                        i++;
                        n++;
                    }
                    return v;
                }
                default:
                    if (c < 128 && (Character.isLetterOrDigit(c))) throw new Invalid("bad escape");
                    return c;
            }
        }

        private int hex(int n) throws Invalid {
            if (i + n > p.length()) throw new Invalid("incomplete escape");
            String h = p.substring(i, i + n);
            for (int k = 0; k < n; k++) {
                if (Character.digit(h.charAt(k), 16) < 0 || h.charAt(k) > 127) throw new Invalid("incomplete escape");
            }
            i += n;
            return (int) Long.parseLong(h, 16);
        }

        /** After '[' . */
        private void charClass() throws Invalid {
            StringBuilder cls = new StringBuilder("[");
            if (p.startsWith("^", i)) {
                cls.append('^');
                i++;
            }
            boolean first = true;
            while (true) {
                if (i >= p.length()) throw new Invalid("unterminated character set");
                int c = p.codePointAt(i);
                if (c == ']' && !first) {
                    i++;
                    break;
                }
                first = false;
                i += Character.charCount(c);
                // one item: a class escape, or a char possibly starting a range
                String itemClass = null;
                int lo;
                if (c == '\\') {
                    if (i >= p.length()) throw new Invalid("bad escape (end of pattern)");
                    int e = p.codePointAt(i);
                    i += Character.charCount(e);
                    if ("dDsSwW".indexOf(e) >= 0) {
                        itemClass = "\\" + (char) e;
                        lo = -1;
                    } else if (e == 'b') {
                        lo = 8;
                    } else if (e >= '1' && e <= '7') {
                        int end = octalEnd(p, i - 1);
                        lo = octal(p, i - 1, end);
                        i = end;
                    } else if (e == '8' || e == '9' || e == 'A' || e == 'Z' || e == 'B') {
                        throw new Invalid("bad escape");
                    } else {
                        lo = simpleEscape(e);
                    }
                } else {
                    lo = c;
                }
                if (itemClass != null) {
                    if (p.startsWith("-", i) && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                        throw new Invalid("bad character range");
                    }
                    cls.append(itemClass);
                    continue;
                }
                if (p.startsWith("-", i) && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                    i++;
                    int hc = p.codePointAt(i);
                    i += Character.charCount(hc);
                    int hi;
                    if (hc == '\\') {
                        if (i >= p.length()) throw new Invalid("bad escape (end of pattern)");
                        int e = p.codePointAt(i);
                        i += Character.charCount(e);
                        if ("dDsSwWAZB89".indexOf(e) >= 0) throw new Invalid("bad character range");
                        if (e == 'b') {
                            hi = 8;
                        } else if (e >= '1' && e <= '7') {
                            int end = octalEnd(p, i - 1);
                            hi = octal(p, i - 1, end);
                            i = end;
                        } else {
                            hi = simpleEscape(e);
                        }
                    } else {
                        hi = hc;
                    }
                    if (hi < lo) throw new Invalid("bad character range");
                    cls.append(hexChar(lo)).append('-').append(hexChar(hi));
                } else {
                    cls.append(hexChar(lo));
                }
            }
            out.append(cls).append(']');
            last = 1;
        }

        private static String hexChar(int c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                return String.valueOf((char) c);
            }
            return "\\x{" + Integer.toHexString(c) + "}";
        }
    }
}
