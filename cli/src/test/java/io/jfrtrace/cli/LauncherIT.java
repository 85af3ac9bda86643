package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jfr-trace} launcher starts the JVM from the class-data sharing archive the build made beside the jar
 * (for the JDK that built it; another JDK starts without it, silently), and what the commands print does not change.
 */
class LauncherIT {
    static final Path LAUNCHER = Paths.get(System.getProperty("jfrtrace.launcher", "../jfr-trace")).toAbsolutePath();
    static final Path SAMPLES = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"));

    @TempDir
    Path work;

    /** A run of the launcher, with the JVM's class loading logged to {@code log}. */
    record Launch(int exitCode, String stdout, String stderr, String classLoading) {
        /** Whether the command's own main class came from a class-data sharing archive. */
        boolean mappedFromArchive() {
            return classLoading.lines().anyMatch(l -> l.contains(" io.jfrtrace.cli.Main source: shared objects file"));
        }
    }

    Launch launch(Path java, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classes", ".log");
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(work.resolve(".stdout").toFile()).redirectError(work.resolve(".stderr").toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", java.getParent().getParent().toString());
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 180 s");
        }
        String stderr = Files.readString(work.resolve(".stderr"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS: .*\n", "");
        return new Launch(p.exitValue(), Files.readString(work.resolve(".stdout"), StandardCharsets.UTF_8), stderr,
                Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void startsFromTheBuildsArchiveAndWithoutItOnAnotherJdk() throws Exception {
        Path archive = LAUNCHER.getParent().resolve("cli/target/jfr-trace.jsa");
        assertTrue(Files.isRegularFile(archive), () -> "the build made no start-up archive: " + archive);
        String version = null;
        for (Path java : Jdks.available()) {
            Launch launched = launch(java, "--version");
            assertEquals(0, launched.exitCode(), launched::toString);
            assertTrue(launched.stdout().startsWith("jfr-trace "), launched::toString);
            assertEquals("", launched.stderr(), () -> java + ": " + launched);
            if (version != null) {
                assertEquals(version, launched.stdout());
            }
            version = launched.stdout();
            boolean builtIt = java.equals(Jdks.current());
            assertEquals(builtIt, launched.mappedFromArchive(), () -> java + ": Main from the archive? " + launched.classLoading());
        }
    }

    @Test
    void printsWhatTheJarPrints() throws Exception {
        String sample = SAMPLES.resolve("Factorial.jfr").toAbsolutePath().toString();
        JfrTraceRun jar = JfrTraceRun.run(work, "stats", sample);
        Launch launched = launch(Jdks.current(), "stats", sample);
        assertTrue(launched.mappedFromArchive(), launched::toString);
        assertEquals(jar.exitCode(), launched.exitCode(), launched::toString);
        assertEquals(jar.stdout(), launched.stdout());
        assertEquals(jar.stderr(), launched.stderr());
    }

    @Test
    void theVersionLoadsNeitherPicocliNorTheParser() throws Exception {
        Launch launched = launch(Jdks.current(), "--version");
        assertEquals(0, launched.exitCode(), launched::toString);
        List<String> loaded = launched.classLoading().lines().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1")).toList();
        assertTrue(loaded.contains("io.jfrtrace.cli.Main"), launched::toString);
        assertFalse(loaded.contains("picocli.CommandLine"), "picocli's command line was built");
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("org.openjdk.jmc.")), "the JMC parser was loaded");
    }
}
