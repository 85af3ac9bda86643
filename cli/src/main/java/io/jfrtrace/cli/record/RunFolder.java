package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.jfrtrace.privatefiles.PrivateFile;

/**
 * The private folder of one {@code record} run ({@link Files#createTempDirectory} makes it {@code 0700}
 * with a random name): the JFR repository, the native crash handler's file and the agent's start
 * marker, all removed when the run is over.
 */
public record RunFolder(Path dir) {
    public static RunFolder create() throws IOException {
        RunFolder run = new RunFolder(Files.createTempDirectory("jfr-trace-run"));
        PrivateFile.createFolder(run.repository()); // JFR keeps it as it finds it
        return run;
    }

    /** Where the JVM keeps its chunks while it records ({@code -XX:FlightRecorderOptions:repository}). */
    public Path repository() {
        return dir.resolve("repository");
    }

    /** Where the native crash handler writes what it saw. */
    public Path crashFile() {
        return dir.resolve("crash.txt");
    }

    /** Created by the agent when it is done starting, just before the program's main runs. */
    public Path startedMarker() {
        return dir.resolve("started");
    }

    public boolean programStarted() {
        return Files.exists(startedMarker());
    }

    public void delete() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder we could not remove is not worth failing the run for
        }
    }
}
