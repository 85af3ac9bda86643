package io.jfrtrace.cli;

import io.jfrtrace.cli.exit.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jfrtrace.schema.FunctionStatsEvent;
import io.jfrtrace.schema.RecordingInfoEvent;
import io.jfrtrace.schema.Schema;
import jdk.jfr.Recording;

/**
 * A recording of a newer major schema version is refused with one line and exit 3 by every analyzer command; the
 * same recording at this version, or a newer minor one, reads. The recordings are real: written in this JVM with the
 * schema's event classes, as the agent writes them.
 */
class SchemaVersionTest {
    @TempDir
    static Path work;

    static Path recording(String name, int major, int minor) throws Exception {
        return recording(work, name, major, minor);
    }

    /** A call profile of one function, written at schema version {@code major.minor} into {@code dir}. */
    static Path recording(Path dir, String name, int major, int minor) throws Exception {
        Path file = dir.resolve(name);
        try (Recording r = new Recording()) {
            r.enable(RecordingInfoEvent.class);
            r.enable(FunctionStatsEvent.class);
            r.start();
            RecordingInfoEvent info = new RecordingInfoEvent();
            info.schemaVersion = major;
            info.schemaMinorVersion = minor;
            info.agentVersion = "test";
            info.options = "";
            info.timer = "System.nanoTime";
            info.timeUnit = 1;
            info.commit();
            FunctionStatsEvent f = new FunctionStatsEvent();
            f.file = "com/example/Fib.java";
            f.line = 3;
            f.function = "Fib.fib";
            f.callCount = 2;
            f.inlineTime = 1_000;
            f.totalTime = 1_000;
            f.commit();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stats", "alloc", "dumps", "compare"})
    void aNewerMajorVersionIsOneLineAndExit3(String command) throws Exception {
        Path file = recording(command + "-newer.jfr", Schema.MAJOR + 1, 0);
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        if (command.equals("compare")) {
            args.add(file.toString());
        }
        InProcessRun run = InProcessRun.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run::toString);
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        assertEquals("jfr-trace " + command + ": " + file + ": written by a newer jfr-trace (event schema "
                + (Schema.MAJOR + 1) + ".0; this jfr-trace reads " + Schema.MAJOR + ".x and older): read it with that version",
                lines.get(0));
        assertEquals("", run.stdout(), run::toString);
    }

    @Test
    void thisVersionAndANewerMinorOneRead() throws Exception {
        for (Path file : List.of(recording("current.jfr", Schema.MAJOR, Schema.MINOR),
                recording("newer-minor.jfr", Schema.MAJOR, Schema.MINOR + 1))) {
            InProcessRun run = InProcessRun.run("stats", file.toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
            assertTrue(run.stdout().contains("com/example/Fib.java:3(Fib.fib)"), run::toString);
        }
    }
}
