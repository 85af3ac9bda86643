package io.jfrtrace.analyzer.pstats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Awkward profile data shared by the golden tests. */
final class Fixtures {
    private Fixtures() {}

    static final FunctionKey MAIN = new FunctionKey("/srv/app/rec.py", 12, "main");
    static final FunctionKey FACT = new FunctionKey("/srv/app/rec.py", 1, "fact");
    static final FunctionKey FACT2 = new FunctionKey("/opt/lib/rec.py", 1, "fact");
    static final FunctionKey PUT = FunctionKey.builtin("<method 'put' of 'java.util.HashMap' objects>");
    static final FunctionKey EXEC = FunctionKey.builtin("<built-in method builtins.exec>");
    static final FunctionKey PLAIN = FunctionKey.builtin("plainname");
    static final FunctionKey LONG = new FunctionKey(
            "/very/long/directory/structure/that/goes/on/and/on/com/example/deeply/nested/Module.java", 123456,
            "someRatherLongMethodName$lambda$7");
    static final FunctionKey UNI = new FunctionKey("/srv/ünï/λ.py", 3, "\uD835\uDD23"); // U+1D523
    static final FunctionKey UNI2 = new FunctionKey("/srv/ünï/λ.py", 3, "\uFF21"); // U+FF21
    static final FunctionKey UTIL_A = new FunctionKey("/a/util.py", 5, "helper");
    static final FunctionKey UTIL_B = new FunctionKey("/b/util.py", 5, "helper");
    static final FunctionKey GEN = new FunctionKey("gen.py", 30, "<genexpr>");
    static final FunctionKey NEVER = new FunctionKey("x.py", 1, "never");

    /** Raw cProfile-like tables: recursion 436/30 with 406/28 edges, built-ins, collisions, ties. */
    static ProfileTable table() {
        ProfileTable t = new ProfileTable();
        t.addFunction(EXEC, 1, 0, 0, 1_000_000_000L);
        t.addFunction(MAIN, 1, 0, 1_000_000, 900_000_000L);
        t.addFunction(MAIN, 0, 0, 500_000, 0); // deltas are summed
        t.addFunction(FACT, 436, 406, 62_500_000, 300_000_000);
        t.addFunction(FACT2, 436, 406, 62_500_000, 300_000_000);
        t.addFunction(PUT, 1000, 0, 312_500_000, 312_500_000);
        t.addFunction(PLAIN, 3, 0, 5, 5);
        t.addFunction(LONG, 7, 0, 12_345_678_900_000L, 12_345_678_900_000L);
        t.addFunction(UNI, 2, 0, 500, 500);
        t.addFunction(UNI2, 2, 0, 500, 500);
        t.addFunction(UTIL_A, 10, 0, 1000, 2000);
        t.addFunction(UTIL_B, 10, 0, 1000, 2000);
        t.addFunction(GEN, 5, 5, 100, 100);
        t.addFunction(NEVER, 0, 0, 0, 0);
        t.addCall(EXEC, MAIN, 1, 0, 1_500_000, 900_000_000L);
        t.addCall(MAIN, FACT, 30, 0, 4_000_000, 300_000_000);
        t.addCall(FACT, FACT, 406, 378, 58_500_000, 290_000_000);
        t.addCall(MAIN, FACT2, 30, 0, 4_000_000, 300_000_000);
        t.addCall(FACT2, FACT2, 406, 378, 58_500_000, 290_000_000);
        t.addCall(FACT, PUT, 500, 0, 156_250_000, 156_250_000);
        t.addCall(FACT2, PUT, 500, 0, 156_250_000, 156_250_000);
        t.addCall(MAIN, PLAIN, 3, 0, 5, 5);
        t.addCall(MAIN, LONG, 7, 0, 12_345_678_900_000L, 12_345_678_900_000L);
        t.addCall(MAIN, UNI, 2, 0, 500, 500);
        t.addCall(MAIN, UNI2, 2, 0, 500, 500);
        t.addCall(MAIN, UTIL_A, 10, 0, 1000, 2000);
        t.addCall(MAIN, UTIL_B, 4, 0, 400, 800);
        t.addCall(MAIN, UTIL_B, 6, 0, 600, 1200);
        t.addCall(UTIL_A, GEN, 5, 5, 100, 100);
        t.addCall(MAIN, NEVER, 1, 0, 0, 0);   // callee absent: dropped
        t.addCall(NEVER, MAIN, 1, 0, 0, 0);   // caller absent: dropped
        t.addCall(MAIN, EXEC, 0, 0, 0, 0);    // zero-count sub-entry is kept
        return t;
    }

    /** Exact doubles that hit rounding ties, a zero-call function, -0.0. */
    static Map<FunctionKey, FunctionStats> exact() {
        FunctionKey a = new FunctionKey("a.py", 1, "f");
        FunctionKey b = new FunctionKey("a.py", 2, "g");
        FunctionKey c = new FunctionKey("a.py", 3, "h");
        FunctionKey d = new FunctionKey("b.py", 1, "f");
        FunctionKey e = FunctionKey.builtin("<built-in method builtins.len>");
        Map<FunctionKey, FunctionStats> m = new LinkedHashMap<>();
        m.put(a, new FunctionStats(1, 1, 0.0625, 0.3125, Map.of(d, new CallStats(1, 1, 0.0625, 0.3125))));
        m.put(b, new FunctionStats(0, 0, 0.0, 0.0, Map.of()));
        m.put(c, new FunctionStats(2, 4, -0.0, 2.5, Map.of(c, new CallStats(2, 0, 0.0, 0.0),
                a, new CallStats(2, 2, -0.0, 2.5))));
        m.put(d, new FunctionStats(3, 3, 0.0015, 0.0625, Map.of()));
        m.put(e, new FunctionStats(100, 100, 0.0625, 0.0625, Map.of(a, new CallStats(100, 100, 0.0625, 0.0625))));
        return m;
    }

    static List<SourceFile> noFiles() {
        return List.of();
    }
}
