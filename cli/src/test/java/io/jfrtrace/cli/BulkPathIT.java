package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path loads no JMC: {@code stats} reads jfr-trace's events with the bulk reader alone, so a short command
 * does not pay for loading JMC's parser (a few hundred classes) nor its materialising of every event. Class loading,
 * not time: the JVM's own log of the classes it loads.
 */
class BulkPathIT {
    @TempDir
    Path work;

    @Test
    void statsLoadsNoJmcClass() throws Exception {
        Path log = work.resolve("classes.log");
        JfrTraceRun run = JfrTraceRun.run(work, Jdks.current(),
                Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log),
                List.of("stats", BadAnalyzerInputTest.SAMPLES.resolve("Factorial.jfr").toString()));
        assertEquals(0, run.exitCode(), run::toString);
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("one.jfr.JfrReader")), "the bulk reader was used");
        assertFalse(loaded.stream().anyMatch(l -> l.contains("org.openjdk.jmc.")),
                () -> "JMC loaded: " + loaded.stream().filter(l -> l.contains("org.openjdk.jmc.")).findFirst().orElse(""));
    }
}
