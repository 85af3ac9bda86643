package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jfr-trace} launcher starts the JVM from a class-data sharing archive of the commands' classes, made
 * once per JDK in the user's cache folder ({@code $XDG_CACHE_HOME/jfr-trace}), readable by its owner alone; it
 * never maps one in from a folder another user could write to, and what the commands print does not change.
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

    Launch launch(Path java, Path cache, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classes", ".log");
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(work.resolve(".stdout").toFile()).redirectError(work.resolve(".stderr").toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", java.getParent().getParent().toString());
        env.put("XDG_CACHE_HOME", cache.toString());
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

    static List<Path> archives(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void startsFromAnOwnerOnlyArchiveMadeOncePerJdk() throws Exception {
        Path cache = work.resolve("cache");
        Path folder = cache.resolve("jfr-trace");
        int made = 0;
        for (Path java : Jdks.available()) {
            Launch first = launch(java, cache, "--version");
            assertEquals(0, first.exitCode(), first::toString);
            assertTrue(first.stdout().startsWith("jfr-trace "), first::toString);
            assertEquals("", first.stderr(), first::toString);
            made++;
            assertEquals(made, archives(folder).size(), () -> java + ": one archive per JDK, " + folder);

            Launch next = launch(java, cache, "--version");
            assertEquals(first.stdout(), next.stdout(), next::toString);
            assertEquals("", next.stderr(), next::toString);
            assertTrue(next.mappedFromArchive(), () -> java + ": Main not from the archive:\n" + next.classLoading());
            assertEquals(made, archives(folder).size(), () -> java + ": made again, " + folder);
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(folder));
        for (Path archive : archives(folder)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(archive);
            assertTrue(perms.stream().allMatch(p -> p.name().startsWith("OWNER")), () -> archive + ": " + perms);
        }
    }

    @Test
    void printsWhatTheJarPrints() throws Exception {
        Path cache = work.resolve("cache");
        String sample = SAMPLES.resolve("Factorial.jfr").toAbsolutePath().toString();
        JfrTraceRun jar = JfrTraceRun.run(work, "stats", sample);
        launch(Jdks.current(), cache, "--version"); // makes the archive
        Launch launched = launch(Jdks.current(), cache, "stats", sample);
        assertTrue(launched.mappedFromArchive(), launched::toString);
        assertEquals(jar.exitCode(), launched.exitCode(), launched::toString);
        assertEquals(jar.stdout(), launched.stdout());
        assertEquals(jar.stderr(), launched.stderr());
    }

    @Test
    void theVersionLoadsNeitherPicocliNorTheParser() throws Exception {
        Launch launched = launch(Jdks.current(), work.resolve("cache"), "--version");
        assertEquals(0, launched.exitCode(), launched::toString);
        List<String> loaded = launched.classLoading().lines().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1")).toList();
        assertTrue(loaded.contains("io.jfrtrace.cli.Main"), launched::toString);
        assertFalse(loaded.contains("picocli.CommandLine"), "picocli's command line was built");
        assertTrue(loaded.stream().noneMatch(c -> c.startsWith("org.openjdk.jmc.")), "the JMC parser was loaded");
    }

    @Test
    void noArchiveFromAFolderOthersCanWriteTo() throws Exception {
        Path cache = work.resolve("cache");
        Path folder = Files.createDirectories(cache.resolve("jfr-trace"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        Launch launched = launch(Jdks.current(), cache, "--version");
        assertEquals(0, launched.exitCode(), launched::toString);
        assertTrue(launched.stdout().startsWith("jfr-trace "), launched::toString);
        assertEquals("", launched.stderr(), launched::toString);
        assertFalse(launched.mappedFromArchive(), launched::toString);
        assertEquals(List.of(), archives(folder));
    }

    @Test
    void noArchiveUnderAFolderOthersCanRenameIn() throws Exception {
        Path open = Files.createDirectories(work.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit
        Path cache = open.resolve("cache");
        Launch launched = launch(Jdks.current(), cache, "--version");
        assertEquals(0, launched.exitCode(), launched::toString);
        assertEquals("", launched.stderr(), launched::toString);
        assertFalse(launched.mappedFromArchive(), launched::toString);
    }

    @Test
    void noArchiveFromALinkedFolder() throws Exception {
        Path real = work.resolve("real-cache");
        launch(Jdks.current(), real, "--version"); // a private folder with a good archive in it
        assertEquals(1, archives(real.resolve("jfr-trace")).size());
        Path cache = Files.createDirectories(work.resolve("cache"));
        Files.createSymbolicLink(cache.resolve("jfr-trace"), real.resolve("jfr-trace"));
        Launch launched = launch(Jdks.current(), cache, "--version");
        assertEquals(0, launched.exitCode(), launched::toString);
        assertEquals("", launched.stderr(), launched::toString);
        assertFalse(launched.mappedFromArchive(), launched::toString);
    }
}
