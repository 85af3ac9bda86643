package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the recorder runs inside the program's JVM must not change how HotSpot compiles the program.
 * HotSpot profiles JDK methods once per JVM: java.util.Formatter's first use loads the locale's
 * number symbols, which runs String and Character code on non-Latin-1 text. Done by the agent, that
 * marked String.charAt's UTF-16 branch as taken, and C2 then kept a call inside every charAt loop of
 * the program (no counted loop, no unrolling; seen in the allocation benchmark's lower-casing loop
 * on JDK 25). The classes below are the visible trace of that path.
 */
class AgentFootprintIT {
    static final Path JAVA25 = Jdks.JAVA25;
    static final Set<String> LOCALE_TEXT_CLASSES = Set.of("java.util.Formatter", "java.text.DecimalFormatSymbols",
            "java.lang.CharacterData00");

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(strings = {"current", "25"})
    void everyRecorderFeatureOnLeavesTheJdksTextFormattingUntouched(String jdk) throws Exception {
        Path java = jdk.equals("25") ? JAVA25 : JfrTraceRun.javaOf(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(java), "no java at " + java);
        Path log = work.resolve("classes-" + jdk + ".log");
        // call profiling with call trees, line counts, allocation tracing with tracebacks, faulthandler (on by default), a
        // watchdog armed, periodic snapshots: everything that runs in the program's JVM before or beside it
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-o", "footprint-" + jdk + ".jfr",
                "--call-tree", "--lines", "--alloc=25", "--watchdog", "1h", "--snapshot-interval", "100ms",
                "-Xlog:class+load:file=" + log, "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Set<String> loaded = Files.readAllLines(log).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0])
                .collect(Collectors.toSet());
        assertTrue(loaded.contains("io.jfrtrace.runtime.Profiler"), "the log lists classes: " + loaded.size());
        assertTrue(loaded.contains("io.jfrtrace.recorder.jfr.LineTotals"), "line counts and their checkpoint ran");
        assertTrue(loaded.contains("io.jfrtrace.recorder.jfr.CallTreeDeltas"), "call trees were flushed");
        Set<String> touched = LOCALE_TEXT_CLASSES.stream().filter(loaded::contains).collect(Collectors.toSet());
        assertEquals(Set.of(), touched, "loaded in the program's JVM");
    }

    /** --timer cpu through ThreadMXBean (no native library: the management classes load) and --timer count. */
    @ParameterizedTest(name = "--timer {0}")
    @ValueSource(strings = {"cpu", "count"})
    void theOtherTimersLeaveTheJdksTextFormattingUntouched(String timer) throws Exception {
        Path log = work.resolve("timer-" + timer + ".log");
        JfrTraceRun rec = JfrTraceRun.run(work, Jdks.current(), java.util.Map.of("JFRTRACE_NATIVE", "off"),
                List.of("record", "-o", "timer-" + timer + ".jfr", "--timer", timer,
                        "-Xlog:class+load:file=" + log, "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Set<String> loaded = Files.readAllLines(log).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0])
                .collect(Collectors.toSet());
        assertTrue(loaded.contains(timer.equals("cpu") ? "sun.management.ThreadImpl" : "io.jfrtrace.runtime.CallCounter"),
                "the timer's classes: " + loaded.size());
        Set<String> touched = LOCALE_TEXT_CLASSES.stream().filter(loaded::contains).collect(Collectors.toSet());
        assertEquals(Set.of(), touched, "loaded in the program's JVM");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(strings = {"current", "25"})
    void liveTracingWithItsTimingPrefixLeavesTheJdksTextFormattingUntouched(String jdk) throws Exception {
        Path java = jdk.equals("25") ? JAVA25 : JfrTraceRun.javaOf(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(java), "no java at " + java);
        Path log = work.resolve("trace-classes-" + jdk + ".log");
        JfrTraceRun tr = JfrTraceRun.run(work, java, List.of("trace", "--trace", "-g", "--java", java.toString(), "--",
                "-Xlog:class+load:file=" + log, "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(0, tr.exitCode(), tr::toString);
        assertTrue(tr.stdout().contains(" --- modulename: Factorial, funcname: main\n"), tr::toString);
        Set<String> loaded = Files.readAllLines(log).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0])
                .collect(Collectors.toSet());
        assertTrue(loaded.contains("io.jfrtrace.runtime.LineTracer"), "the log lists classes: " + loaded.size());
        Set<String> touched = LOCALE_TEXT_CLASSES.stream().filter(loaded::contains).collect(Collectors.toSet());
        assertEquals(Set.of(), touched, "loaded in the program's JVM");
    }
}
