package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jfr-trace's own code (the agent, its runtime, its shaded ASM) never shows in a report, even where the report
 * falls back to the JVM's own events of a recording jfr-trace made: the shipped samples hold
 * jdk.ObjectAllocationSample events of the agent's allocations and jdk.ThreadDump events of its threads.
 */
class OwnFramesTest {
    static Stream<Arguments> reports() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(BadAnalyzerInputTest.SAMPLES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".jfr")).sorted().toList()) {
                out.add(Arguments.of(List.of("alloc", f.toString(), "--allocated", "--limit", "100000", "--traceback")));
                out.add(Arguments.of(List.of("alloc", f.toString(), "--limit", "100000", "--traceback")));
                out.add(Arguments.of(List.of("dumps", f.toString())));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void noFrameOfJfrTraceItself(List<String> args) {
        InProcessRun run = InProcessRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.stdout().contains("io/jfrtrace/"), run::toString);
        assertFalse(run.stdout().contains("\"jfr-trace "), run::toString); // the agent's threads
    }
}
