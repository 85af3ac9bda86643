package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.Fnmatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FnmatchTest {
    static final List<String> PATTERNS = List.of(
            "*", "?", "??", "a*", "*a", "*a*b*", "a?c", "*.py", "*/lib/*", "[abc]", "[a-c]*", "[!a-c]*", "[]]*",
            "[!]]*", "[]a]", "[b-a]", "[!b-a]", "[b-ax]", "[!b-ax]", "[a--z]", "[c-a-e]", "[--a]", "[a-]", "[!-]",
            "[-a]", "[\\]", "[\\a]", "[&&a]", "[~|]", "[^a]", "[[]", "[a-c-e]", "\\*", "\u00e9*",
            "[\uD83D\uDE00-\uD83D\uDE02]", "?\uD83D\uDE01", "a\nb", "*\n*", "(a|b)", ".*", "a{2}", "$", "*[0-9]*",
            "[!0-9]*[0-9]", "**a**", "*?*?", "[*]", "[?]", "[!*]?");
    static final List<String> NAMES = List.of(
            "", "a", "b", "c", "d", "x", "-", "]", "!", "^", "[", "\\", "&", "~", "|", "*", "?", "aa", "abc", "axc",
            "ab", "ba", "acb", "a.py", "lib/x.py", "/s/lib/x", "/s/lib/", "\u00e9t\u00e9", "\uD83D\uDE01",
            "x\uD83D\uDE01", "\uFF21", "a\nb", "\n", "(a|b)", "aa.", "a{2}", "$", "x7", "7", "77", "z-",
            "zz", "AbC", "A", "\\a", "\\*");

    @Test
    void matchesExactlyWhatCPythonFnmatchcaseMatches(@TempDir Path dir) throws Exception {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("patterns", PATTERNS);
        cases.put("names", NAMES);
        Files.writeString(dir.resolve("cases.json"), PythonOracle.json(cases), StandardCharsets.UTF_8);
        String[] expected = PythonOracle.run(dir, "fnmatch", dir.resolve("cases.json").toString()).split("\n");
        List<String> mismatches = new ArrayList<>();
        for (int p = 0; p < PATTERNS.size(); p++) {
            for (int n = 0; n < NAMES.size(); n++) {
                boolean py = expected[p].charAt(n) == '1';
                boolean java = Fnmatch.matches(NAMES.get(n), PATTERNS.get(p));
                if (py != java) mismatches.add(PATTERNS.get(p) + " vs " + NAMES.get(n) + ": python " + py);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void starMatchesSlashesAndMatchingIsCaseSensitive() {
        assertTrue(Fnmatch.matches("/a/b/c.py", "*.py"));
        assertTrue(Fnmatch.matches("/a/b/c.py", "/a/*"));
        assertFalse(Fnmatch.matches("C.PY", "*.py"));
        assertTrue(Fnmatch.matches("x", "[!a]"));
        assertFalse(Fnmatch.matches("a", "[!a]"));
    }

    @Test
    void translatesToAnchoredDotallRegex() {
        assertEquals("\\x{61}.*", Fnmatch.translate("a*"));
        assertEquals("(?>.*?\\x{61})(?>.*?\\x{62}).*", Fnmatch.translate("*a*b*"));
        assertEquals(".*\\x{2e}\\x{70}\\x{79}", Fnmatch.translate("**.py"));
        assertEquals("[^\\x{61}-\\x{63}]", Fnmatch.translate("[!a-c]"));
        assertEquals("(?!)", Fnmatch.translate("[b-a]"));
        assertEquals(".", Fnmatch.translate("[!b-a]")); // negated empty range: any character
    }

    @Test
    void rejectsUnterminatedBracketWithOneLineMessageNamingThePattern() {
        for (String pattern : List.of("[", "*.py[", "src/[abc", "[!", "[]", "[!]", "[]a", "a[\nb")) {
            Fnmatch.InvalidPatternException e =
                    assertThrows(Fnmatch.InvalidPatternException.class, () -> Fnmatch.translate(pattern), pattern);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains(io.jfrtrace.analyzer.python.PyStr.repr(pattern)), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Filter(true, "/src/[abc.py"));
        assertEquals("invalid file name pattern '/src/[abc.py': '[' at position 6 has no closing ']'", e.getMessage());
    }
}
