package io.jfrtrace.schema.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FaulthandlerTextTest {
    @Test
    void headersThreadsFramesAndCuts() {
        FaulthandlerText t = new FaulthandlerText(new StringBuilder(), 2, 2, 5);
        t.timeoutHeader(1_500_000);
        t.thread(true, 0x7f, "w\u00e9");
        t.frame("com/example/Outer.java", 12, "Outer$Inner.<init>");
        t.frame(null, -1, null);
        t.frame("never", 1, "shown");
        t.endFrames(3);
        t.thread(false, 1, null);
        t.endFrames(0);
        t.thread(false, 2, "third");
        assertEquals("""
                Timeout (0:00:01.500000)!
                Current thread 0x000000000000007f "w\\xe9" (most recent call first):
                  File "com/e...", line 12 in Outer...
                  File ???, line ??? in ???
                  ...

                Thread 0x0000000000000001 (most recent call first):
                  <no Java frame>

                ...
                """, t.toString());
    }

    @Test
    void oneStackAndAFatalHeader() {
        FaulthandlerText t = new FaulthandlerText(new StringBuilder()).fatalHeader("java.lang.Error: \u65e5").stack();
        t.endFrames(4);
        assertEquals("Fatal JVM error: java.lang.Error: \\u65e5\n\nStack (most recent call first):\n  ...\n", t.toString());
    }

    @Test
    void timeoutsAndEscapes() {
        assertEquals("Timeout (0:00:01)!", FaulthandlerText.timeout(1_000_000));
        assertEquals("Timeout (27:46:40)!", FaulthandlerText.timeout(100_000_000_000L));
        assertEquals("Timeout (0:00:00.000001)!", FaulthandlerText.timeout(1));
        assertEquals("a\\x09b\\x7f\\xe9\\u65e5\\U0001f600\"\\", FaulthandlerText.escape("a\tb\u007f\u00e9\u65e5\uD83D\uDE00\"\\", 500));
        assertEquals("\\U0001f600...", FaulthandlerText.escape("\uD83D\uDE00\uD83D\uDE00", 1));
        assertEquals("???", FaulthandlerText.escape(null, 500));
    }
}
