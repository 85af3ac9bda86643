package io.jfrtrace.analyzer.faulthandler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThreadPrintParserTest {
    static final String JDK17 = """
            2026-11-21 12:45:00
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            Threads class SMR info:
            _java_thread_list=0x00007ff49c001f70, length=13, elements={
            0x00007ff52c017ea0, 0x00007ff52c0f79b0
            }

            "main" #1 prio=5 os_prio=0 cpu=42.27ms elapsed=1.96s tid=0x00007ff52c017ea0 nid=0x5d7b waiting on condition  [0x00007ff532ffe000]
               java.lang.Thread.State: TIMED_WAITING (sleeping)
            \tat java.lang.Thread.sleep(java.base@17.0.15/Native Method)
            \tat com.example.Sl.lambda$main$1(Sl.java:1)
            \tat com.example.Sl$$Lambda$2/0x00007ff4ac000c28.run(Unknown Source)
            \tat com.example.Sl$Inner.main(Sl.java:7)

            "Signal Dispatcher" #4 daemon prio=9 os_prio=0 cpu=0.44ms elapsed=1.92s tid=0x00007ff52c1007f0 nid=0x5d84 waiting on condition  [0x0000000000000000]
               java.lang.Thread.State: RUNNABLE

            "wörker "q"" #12 prio=5 os_prio=0 cpu=0.22ms elapsed=1.95s tid=0x00007f9764117c90 nid=0x5ddc waiting on condition  [0x00007f9740a4a000]
               java.lang.Thread.State: BLOCKED (on object monitor)
            \tat Top.run(Top.java:3)
            \t- waiting to lock <0x000000069ec18918> (a java.lang.Object)
            \tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)

               Locked ownable synchronizers:
            \t- None

            "VM Thread" os_prio=0 cpu=0.34ms elapsed=2.00s tid=0x00007f97640f3a20 nid=0x5dd0 runnable

            JNI global refs: 4, weak refs: 0
            """;

    @Test
    void javaThreadsWithFramesAndStates() {
        List<ThreadStack> threads = ThreadPrintParser.parse(JDK17);
        assertEquals(3, threads.size());
        ThreadStack main = threads.get(0);
        assertEquals(1, main.threadId());
        assertEquals("main", main.name());
        assertEquals("TIMED_WAITING", main.state());
        assertEquals(List.of(new StackFrame("java/lang/Thread.java", -1, "Thread.sleep"),
                new StackFrame("com/example/Sl.java", 1, "Sl.lambda$main$1"),
                new StackFrame("com/example/Sl.java", -1, "Sl$$Lambda$2/0x00007ff4ac000c28.run"),
                new StackFrame("com/example/Sl.java", 7, "Sl$Inner.main")), main.frames());
        assertEquals(List.of(), threads.get(1).frames());
        ThreadStack w = threads.get(2);
        assertEquals("wörker \"q\"", w.name());
        assertEquals(12, w.threadId());
        assertEquals("BLOCKED", w.state());
        assertEquals(List.of(new StackFrame("Top.java", 3, "Top.run"),
                new StackFrame("java/lang/Thread.java", 840, "Thread.run")), w.frames());
    }

    @Test
    void jdk25HeaderWithNativeId() {
        List<ThreadStack> t = ThreadPrintParser.parse("""
                "main" #3 [24075] prio=5 os_prio=0 cpu=40.87ms elapsed=1.90s tid=0x00007f8c9402a810 nid=24075 waiting on condition  [0x00007f8c9a71e000]
                   java.lang.Thread.State: TIMED_WAITING (sleeping)
                \tat java.lang.Thread.sleepNanos0(java.base@25.0.3/Native Method)
                \tat app.Main.main(Main.java:5)
                """);
        assertEquals(1, t.size());
        assertEquals(3, t.get(0).threadId());
        assertEquals(new StackFrame("app/Main.java", 5, "Main.main"), t.get(0).frames().get(1));
    }

    @Test
    void jfrsSpellingOfAHiddenClassKeepsItsPackage() {
        // the emergency dump's and AllocationRequiringGC's frames come from JFR's constant pool: '+0x...' and a dot
        assertEquals(new StackFrame("jdk/jfr/internal/instrument/JDKEvents.java", 7,
                "JDKEvents$$Lambda$43+0x00007f365406dc60.193064360.run"),
                ThreadPrintParser.javaFrame("jdk.jfr.internal.instrument.JDKEvents$$Lambda$43+0x00007f365406dc60.193064360",
                        "run", null, 7));
    }
}
