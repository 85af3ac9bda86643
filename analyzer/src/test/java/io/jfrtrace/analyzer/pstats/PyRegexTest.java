package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyRegex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Python {@code re.search} semantics through {@link PyRegex}, checked against CPython. */
class PyRegexTest {
    static final List<String> PATTERNS = List.of(
            "", "fact", "FACT", "(?i)fact", "(?i)(?m)^rec", "^rec", "^/srv", "\\)$", ")$", "e$", "\\Z", "n\\Z",
            "(?P<f>fa)ct", "(?P<first_name>[a-z]+)\\.py:(?P=first_name)?", "(a)\\1", "(a)\\2", "(?P=x)",
            "\\d+\\(", "\\w+\\.py", "\\s", "\\bmain\\b", "x{,3}", "a{}", "a{,}", "{", "}", "]", "a{2,1}", "x{2}",
            "[", "[]]", "[^]a]", "[a-]", "[-a]", "[[]", "[&&a]", "[\\d.]", "[\\w&&[^a]]", "a**", "*", "^*", "+a",
            "a*?", "a++", "a{1,2}{3}", "(?#comment)fa", "(?x) f a c t # comment", "(?x)[ ]", "(?a)\\w+",
            "\\x66act", "\\u0066act", "\\U00000066act", "\\N{LATIN SMALL LETTER F}act", "\\0", "\\101", "\\8",
            "\\e", "\\p{L}", "\\Qa\\E", "\\.", "\\'", "(?<=rec)\\.py", "(?<!x)fact", "(?=f)fact", "(?!g)fa",
            "(?s:.)", "(?-i:fact)", "(?i:FACT)", "(?L)a", "a(?i)", "(?u)ü", "ü", "λ", "\\w", "[ü-ž]", "[z-a]",
            "\\\\", "\\", "a|", "|", "(", ")", "(?P<1>a)", "(?P<a>x)(?P<a>y)", "(?<name>x)", "(?>fa)ct",
            "\\v", "\\a", "[\\b]", "\\$", "$$", "fact|main", "m.in", ".", "\\(fact\\)", "'", "\"", "{method",
            "HashMap' obj", "\\{built", "(?i)ǅ", "[\\s\\S]{5}$", "\\A\\{", "e\\b", "\\B", "\\W{2}", "\\D\\d",
            "[\\x00-\\x7f]+$", "[^\\x00-\\x7f]", "\\ud835", "𝔣", "[𝔣]", "\\U0001d523", "(a|b)*+c",
            "[\\101-\\132]+", "[\\1]", "[a-\\146]+", "[\\141-\\1460]", "[\\477]", "[a-\\477]");

    static final List<String> SUBJECTS = List.of(
            "rec.py:1(fact)", "/srv/app/rec.py:12(main)", "{built-in method builtins.exec}",
            "{method 'put' of 'java.util.HashMap' objects}", "plainname", "", "FACT", "aa", "ac", "xxxx",
            "/srv/ünï/λ.py:3(\uD835\uDD23)", "line\n", "a{2,1}", "{", "}", "]", "[", "&", "ǅ", "ǆ", "x{,3}", "\u0001",
            "A", "$");

    @Test
    void searchMatchesCPythonOnAPatternCorpus(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pat"), String.join("\u0000", PATTERNS));
        Files.writeString(dir.resolve("sub"), String.join("\u0000", SUBJECTS));
        String py = "import re, warnings\nwarnings.simplefilter('ignore')\n"
                + "pats = open('pat', encoding='utf-8').read().split('\\0')\n"
                + "subs = open('sub', encoding='utf-8').read().split('\\0')\n"
                + "for p in pats:\n"
                + "    try:\n"
                + "        r = re.compile(p)\n"
                + "        print(''.join('1' if r.search(s) else '0' for s in subs))\n"
                + "    except re.error:\n"
                + "        print('INVALID')\n";
        String[] expected = PythonOracle.run(dir, py).split("\n", -1);
        for (int i = 0; i < PATTERNS.size(); i++) {
            String p = PATTERNS.get(i);
            Pattern c = PyRegex.compile(p);
            String got;
            if (c == null) {
                got = "INVALID";
            } else {
                StringBuilder sb = new StringBuilder();
                for (String s : SUBJECTS) sb.append(c.matcher(s).find() ? '1' : '0');
                got = sb.toString();
            }
            assertEquals(expected[i], got, "pattern " + p + " -> java " + PyRegex.translate(p));
        }
    }

    @Test
    void pythonOnlyConstructsAreRejectedAsUnsupported() {
        assertThrows(PyRegex.UnsupportedRegexException.class, () -> PyRegex.compile("(a)?(?(1)b|c)"));
        assertThrows(PyRegex.UnsupportedRegexException.class, () -> PyRegex.compile("(?a:\\w)"));
        assertThrows(PyRegex.UnsupportedRegexException.class, () -> Restriction.parse("(?x: a)"));
    }

    @Test
    void invalidPatternsCompileToNull() {
        assertNull(PyRegex.compile("[invalid"));
        assertNull(PyRegex.compile("a**"));
        assertNotNull(PyRegex.compile("a{"));
    }
}
