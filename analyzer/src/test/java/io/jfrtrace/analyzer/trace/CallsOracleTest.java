package io.jfrtrace.analyzer.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.testing.Python3;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden test of {@code --listfuncs} and {@code --trackcalls} against CPython's own {@code write_results}: the same
 * call profile's functions and pairs, given to {@code trace.CoverageResults(calledfuncs=..., callers=...)}, must print
 * what {@link CallsText} prints from {@link TracedCalls}. The profile has callers in three files, callees in other
 * files (in runs and interleaved), recursion, a built-in entry (left out), and names whose order differs between
 * UTF-16 and code points.
 */
class CallsOracleTest {
    /** Reads the profile's lines (F file name; C file name file name), skips built-ins, prints write_results' text. */
    private static final String ORACLE = String.join("\n",
            "import sys, trace",
            "listfuncs, trackcalls = sys.argv[1] == '1', sys.argv[2] == '1'",
            "fn = lambda f, n: (f, trace._modname(f), n)",
            "funcs, callers = {}, {}",
            "for line in open('profile.txt', encoding='utf-8').read().splitlines():",
            "    p = line.split('\\t')",
            "    if p[0] == 'F' and p[1] != '~' and listfuncs:",
            "        funcs[fn(p[1], p[2])] = 1",
            "    if p[0] == 'C' and p[1] != '~' and p[3] != '~' and trackcalls:",
            "        callers[(fn(p[1], p[2]), fn(p[3], p[4]))] = 1",
            "trace.CoverageResults(calledfuncs=funcs, callers=callers).write_results(False, summary=False)");

    private static final String MAIN = "com/example/app/Main.java";
    private static final String UTIL = "com/example/util/Strings.java";
    private static final String IO = "com/example/io/Files.java";
    private static final String WIDE = "com/example/\uFF21wide/Ｗ.java"; // U+FF21: after a surrogate in UTF-16 order
    private static final String ASTRAL = "com/example/\uD835\uDD18astral/X.java"; // U+1D518: after U+FF21 by code point

    @TempDir
    Path dir;

    @ParameterizedTest(name = "listfuncs={0} trackcalls={1}")
    @CsvSource({"true,false", "false,true", "true,true", "false,false"})
    void listfuncsAndTrackcallsAreCPythons(boolean listfuncs, boolean trackcalls) throws Exception {
        ProfileTable profile = profile();
        StringBuilder lines = new StringBuilder();
        profile.functions().keySet().forEach(f -> lines.append("F\t").append(f.file()).append('\t').append(f.name()).append('\n'));
        profile.calls().keySet().forEach(e -> lines.append("C\t").append(e.caller().file()).append('\t')
                .append(e.caller().name()).append('\t').append(e.callee().file()).append('\t')
                .append(e.callee().name()).append('\n'));
        Files.writeString(dir.resolve("profile.txt"), lines, StandardCharsets.UTF_8);
        String cpython = Python3.run(dir, List.of("-c", ORACLE, listfuncs ? "1" : "0", trackcalls ? "1" : "0"));

        TracedCalls calls = new TracedCalls().add(profile);
        String ours = (listfuncs ? CallsText.functionsCalled(calls.functions()) : "")
                + (trackcalls ? CallsText.callingRelationships(calls.calls()) : "");
        assertEquals(cpython, ours);
    }

    private static ProfileTable profile() {
        FunctionKey main = new FunctionKey(MAIN, 10, "Main.main");
        FunctionKey run = new FunctionKey(MAIN, 20, "Main.run");
        FunctionKey lambda = new FunctionKey(MAIN, 12, "Main.lambda$main$0");
        FunctionKey fib = new FunctionKey(MAIN, 30, "Main$Inner.fib");
        FunctionKey join = new FunctionKey(UTIL, 5, "Strings.join");
        FunctionKey pad = new FunctionKey(UTIL, 9, "Strings.pad");
        FunctionKey read = new FunctionKey(IO, 7, "Files.read");
        FunctionKey wide = new FunctionKey(WIDE, 3, "Ｗ.go");
        FunctionKey astral = new FunctionKey(ASTRAL, 3, "X.go");
        FunctionKey sort = FunctionKey.builtin("<method 'sort' of 'java.util.List' objects>");
        ProfileTable t = new ProfileTable();
        for (FunctionKey f : List.of(run, main, lambda, fib, join, pad, read, wide, astral, sort)) {
            t.addFunction(f, 1, 0, 1, 1);
        }
        FunctionKey[][] edges = {{main, run}, {main, lambda}, {run, join}, {run, read}, {run, pad}, {run, fib},
                {fib, fib}, {lambda, read}, {join, pad}, {join, read}, {pad, join}, {read, astral}, {read, wide},
                {main, sort}, {sort, pad}, {astral, main}, {wide, main}};
        for (FunctionKey[] e : edges) {
            t.addCall(e[0], e[1], 1, 0, 1, 1);
        }
        return t;
    }
}
