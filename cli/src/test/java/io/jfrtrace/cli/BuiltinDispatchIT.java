package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --builtins makes a built-in entry only for calls that run no instrumented code first, as cProfile
 * makes one only for calls that run no Python code: a call through Comparator.compare, Object.toString
 * or a functional interface that lands in the program's own method is that method's call by the
 * caller; a JDK method that calls the program back (List.sort, Writer.write(String)) keeps its entry,
 * with the program's method as its callee, as cProfile shows sorted() calling its key function.
 */
class BuiltinDispatchIT {
    static final String SRC = "com/example/builtins/Dispatch.java";
    static final String BY_LENGTH = SRC + ":22(Dispatch$ByLength.compare)";
    static final String REVERSED = SRC + ":37(Dispatch$Reversed.compare)";
    static final String DIRECT = SRC + ":66(Dispatch.direct)";
    static final String MAIN = SRC + ":78(Dispatch.main)";
    static final String SORT = "{method 'sort' of 'java.util.List' objects}";
    static final String WRITE = "{method 'write' of 'java.io.Writer' objects}";

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("io.jfrtrace.cli.OpenCallsAtExitIT#jdks")
    void callsThatLandInTheProgramGetNoBuiltinEntry(String jdk) throws Exception {
        Path java = OpenCallsAtExitIT.java(jdk);
        String out = "dispatch" + jdk + ".jfr";
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-o", out, "--builtins", "-cp", classes.toString(),
                "com.example.builtins.Dispatch"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Matcher m = Pattern.compile("sort compares (\\d+)").matcher(rec.stdout());
        assertTrue(m.find(), rec::toString);
        int sorted = Integer.parseInt(m.group(1));

        JfrTraceRun st = JfrTraceRun.run(work, java, List.of("stats", out, "-s", "name"));
        assertEquals(0, st.exitCode(), st::toString);
        for (String fake : List.of("{method 'compare' of 'java.util.Comparator' objects}",
                "{method 'toString' of 'java.lang.Object' objects}", "applyAsInt")) {
            assertFalse(st.stdout().contains(fake), () -> fake + " in\n" + st);
        }
        CallProfileEndToEndIT.assertRow(st, Integer.toString(99 + 99 + sorted), BY_LENGTH);
        CallProfileEndToEndIT.assertRow(st, "99", REVERSED);
        CallProfileEndToEndIT.assertRow(st, "1", SORT);
        CallProfileEndToEndIT.assertRow(st, "1", WRITE);
        CallProfileEndToEndIT.assertRow(st, "2", SRC + ":53(Dispatch$Sink.write)");

        Map<String, Map<String, String>> callers = callers(JfrTraceRun.run(work, java, List.of("stats", out, "--callers")));
        // through the interface: the caller's own calls; List.sort calling back: the built-in's
        assertEquals(Map.of(DIRECT, "99", REVERSED, "99", SORT, Integer.toString(sorted)), callers.get(BY_LENGTH));
        assertEquals(Map.of(DIRECT, "99"), callers.get(REVERSED));
        assertEquals(Map.of(MAIN, "1"), callers.get(SRC + ":44(Dispatch$Square.toString)"));
        assertEquals(Map.of(MAIN, "5"), callers.get(SRC + ":74(Dispatch.twice)"));
        // Writer.write(char[], int, int) through Writer lands in Sink's; Writer.write(String) is the JDK's and calls it
        assertEquals(Map.of(MAIN, "1", WRITE, "1"), callers.get(SRC + ":53(Dispatch$Sink.write)"));
        assertEquals(Map.of(MAIN, "1"), callers.get(WRITE));
    }

    /** print_callers as function -&gt; caller -&gt; ncalls. */
    static Map<String, Map<String, String>> callers(JfrTraceRun st) {
        assertEquals(0, st.exitCode(), st::toString);
        Pattern entry = Pattern.compile(" *(\\S+) +\\S+ +\\S+  (.+)");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : st.lines()) {
            int arrow = line.indexOf(" <- ");
            String rest;
            if (arrow > 0 && !line.startsWith(" ")) {
                current = new LinkedHashMap<>();
                out.put(line.substring(0, arrow).trim(), current);
                rest = line.substring(arrow + 4);
            } else if (current != null && line.startsWith(" ") && !line.isBlank()) {
                rest = line;
            } else {
                current = line.isBlank() ? null : current;
                continue;
            }
            Matcher m = entry.matcher(rest);
            if (m.matches()) {
                current.put(m.group(2), m.group(1));
            }
        }
        return out;
    }
}
