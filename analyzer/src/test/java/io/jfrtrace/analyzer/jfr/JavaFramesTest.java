package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaFramesTest {
    @Test
    void nestedAndHiddenClassesMapToTheFileOfTheirOutermostClass() {
        assertEquals("com/example/Fib.java", JavaFrames.fileOf("com.example.Fib"));
        assertEquals("com/example/Outer.java", JavaFrames.fileOf("com.example.Outer$Inner$Deeper"));
        assertEquals("jdk/jfr/internal/instrument/JDKEvents.java",
                JavaFrames.fileOf("jdk.jfr.internal.instrument.JDKEvents$$Lambda$43+0x00007f365406dc60.193064360"));
        assertEquals("Main.java", JavaFrames.fileOf("Main"));
    }

    @Test
    void aClassWhoseNameStartsWithADollarAndADollarInThePackageKeepTheirNames() {
        // a dynamic proxy's frame in a stock stack trace was jdk/proxy1/.java
        assertEquals("jdk/proxy1/$Proxy12.java", JavaFrames.fileOf("jdk.proxy1.$Proxy12"));
        assertEquals("com/ex$ample/Foo.java", JavaFrames.fileOf("com.ex$ample.Foo$Bar"));
    }
}
