package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfr-trace timeit} end to end: the built jar compiles the statements and times them in a real JVM. Only the
 * shape of the line is checked (the figures are timings); the text itself is {@code TimeitGoldenTest}'s.
 */
class TimeitIT {
    @TempDir
    Path work;

    @Test
    void timesASortAndPrintsTimeitsLine() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-s", "int[] xs = new java.util.Random(1).ints(1000).toArray();",
                "java.util.Arrays.sort(xs.clone())");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("[1-9][0-9]* loops?, best of 5: [0-9.e+-]+ (nsec|usec|msec|sec) per loop\n"), r.toString());
        assertTrue(r.stderr().isEmpty() || r.stderr().startsWith(":0: UserWarning: The test results are likely unreliable."),
                r.toString());
    }

    @Test
    void verboseShowsTheRepeatsRawTimesWithTheGivenNumber() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-n", "100", "-r", "3", "-v", "-u", "usec", "Math.log(3.0 + 1)");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("raw times: [0-9.e+-]+ usec, [0-9.e+-]+ usec, [0-9.e+-]+ usec\n\n"
                + "100 loops, best of 3: [0-9.e+-]+ usec per loop\n"), r.toString());
    }

    @Test
    void aStatementThatDoesNotCompileIsOneLineAtItsPlaceAndExit2() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-s", "int y = 1;", "y.foo()");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals("jfr-trace timeit: statement:1:2: int cannot be dereferenced\n", r.stderr());
    }

    @Test
    void aStatementThatThrowsPrintsItsExceptionWithoutGeneratedFramesAndExits1() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-n", "1", "Integer.parseInt(\"x\")");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("java.lang.NumberFormatException: For input string: \"x\"\n"), r.toString());
        assertTrue(!r.stderr().contains("JfrTraceTimeit") && !r.stderr().contains("io.jfrtrace"), r.toString());
    }

    @Test
    void anUnknownUnitIsRefusedInTimeitsWords() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "timeit", "-u", "hours", "Math.log(2)");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("jfr-trace timeit: --unit: Unrecognized unit. Please select nsec, usec, msec, or sec. "
                + "(see 'jfr-trace help timeit')\n", r.stderr());
    }
}
