package io.jfrtrace.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule for naming a frame. Before it there were six, which disagreed on: a class whose name starts with '$'
 * (dynamic proxies, {@code jdk.proxy1.$Proxy12}: the analyzer and the API named the file {@code jdk/proxy1/.java});
 * a '$' in a package name (the analyzer cut the package there); JFR's spelling of a hidden class with a dot after
 * its address (the dump reader took the package from that dot); an unknown class (the recorder would write
 * {@code .method}).
 */
class FrameNamesTest {
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(nullValues = "null", value = {
        "com.example.Fib,                      Fib.java,  com/example/Fib.java,    Fib.fib",
        "com.example.Fib,                      null,      com/example/Fib.java,    Fib.fib",
        "com.example.Outer$Inner$Deeper,       null,      com/example/Outer.java,  Outer$Inner$Deeper.fib",
        "com.example.Outer$Inner,              Outer.kt,  com/example/Outer.kt,    Outer$Inner.fib",
        "com.example.Outer$Inner,              '',        com/example/Outer.java,  Outer$Inner.fib",
        "Main,                                 null,      Main.java,               Main.fib",
        "com.example.Sl$$Lambda$2/0x00007ff4ac000c28, null, com/example/Sl.java,   Sl$$Lambda$2/0x00007ff4ac000c28.fib",
        "jdk.jfr.internal.instrument.JDKEvents$$Lambda$43+0x00007f365406dc60.193064360, null,"
                + " jdk/jfr/internal/instrument/JDKEvents.java, JDKEvents$$Lambda$43+0x00007f365406dc60.193064360.fib",
        "com.example.Main$$Lambda/0x0000000801001200, null, com/example/Main.java, Main$$Lambda/0x0000000801001200.fib",
        "jdk.proxy1.$Proxy12,                  null,      jdk/proxy1/$Proxy12.java, $Proxy12.fib",
        "jdk.proxy1.$Proxy12$1,                null,      jdk/proxy1/$Proxy12.java, $Proxy12$1.fib",
        "com.ex$ample.Foo$Bar,                 null,      com/ex$ample/Foo.java,   Foo$Bar.fib",
    })
    void fileAndFunction(String className, String sourceFile, String file, String function) {
        assertEquals(file, FrameNames.file(className, sourceFile));
        assertEquals(function, FrameNames.function(className, "fib"));
    }

    @org.junit.jupiter.api.Test
    void anUnknownClassNamesTheMethodAlone() {
        assertEquals("poke", FrameNames.function("", "poke"));
        assertEquals(".java", FrameNames.file("", null));
    }
}
