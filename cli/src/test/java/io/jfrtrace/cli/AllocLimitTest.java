package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.jfrtrace.cli.exit.ExitCodes;

/** {@code --limit N} is the slice {@code statistics()[:N]}: 0 prints nothing; a negative limit is a usage error. */
class AllocLimitTest {
    static final String LEAK = BadAnalyzerInputTest.SAMPLES.resolve("Leak.jfr").toString();

    @Test
    void limitZeroPrintsNoStatistic() {
        InProcessRun alloc = InProcessRun.run("alloc", LEAK, "--limit", "0");
        assertEquals(new InProcessRun(0, "", ""), alloc);
        InProcessRun compare = InProcessRun.run("compare", LEAK + "#before", LEAK + "#after", "--limit", "0");
        assertEquals(new InProcessRun(0, "", ""), compare);
    }

    @Test
    void limitOnePrintsTheFirstStatisticOnly() {
        InProcessRun all = InProcessRun.run("alloc", LEAK);
        InProcessRun one = InProcessRun.run("alloc", LEAK, "--limit", "1");
        assertEquals(0, one.exitCode(), one::toString);
        assertEquals(all.stdout().lines().limit(1).map(l -> l + "\n").findFirst().orElseThrow(), one.stdout());
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        InProcessRun run = InProcessRun.run("alloc", LEAK, "--limit", "-1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.stderr().startsWith("jfr-trace alloc: --limit must be at least 0, got -1"), run::toString);
        assertEquals("", run.stdout());
    }
}
