package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.Schema;

/**
 * An exact call profile without call paths is drawn from the JVM's CPU samples in the same recording; one that has none
 * (a --timer cpu run: its threads are sampled in native code, in the clock) says where else to look.
 */
class ExactProfilePathsTest {
    @TempDir
    Path dir;

    @Test
    void anExactProfileWithoutCpuSamplesPointsToTheWallProfile() throws Exception {
        Path file = SchemaVersionTest.recording(dir, "no-samples.jfr", Schema.MAJOR, Schema.MINOR);
        InProcessRun run = InProcessRun.run("stats", "--format", "collapsed", file.toString());
        assertEquals(ExitCodes.NO_DATA, run.exitCode(), run::toString);
        assertEquals(List.of("jfr-trace stats: the call paths are the JVM's CPU samples in the recording "
                        + "(jdk.ExecutionSample): exact call profiles have none (--profile chooses the samples)",
                "jfr-trace stats: " + file + ": no jdk.ExecutionSample events; --profile wall draws the samples of threads "
                        + "in native code too (where a --timer cpu recording's threads are, reading their clock)"),
                run.stderr().lines().toList());
        assertEquals("", run.stdout(), run::toString);
    }
}
