package io.jfrtrace.analyzer.pstats.browser;

import io.jfrtrace.analyzer.python.PyStr;

/**
 * {@code cmd.Cmd.parseline}: a line's command word (its prefix of ASCII letters, digits and {@code _}) and the rest,
 * stripped. {@code ?} at the start stands for {@code help}; a line starting with {@code !} has no command (the
 * browser has no {@code shell}). {@code line} is the stripped (or rewritten) line, as messages and repeats use it.
 */
record ParsedLine(String command, String arg, String line) {
    static ParsedLine parse(String raw) {
        String line = PyStr.strip(raw);
        if (line.isEmpty() || line.charAt(0) == '!') {
            return new ParsedLine(null, null, line);
        }
        if (line.charAt(0) == '?') {
            line = "help " + line.substring(1);
        }
        int i = 0;
        while (i < line.length() && isIdentChar(line.charAt(i))) {
            i++;
        }
        return new ParsedLine(line.substring(0, i), PyStr.strip(line.substring(i)), line);
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
