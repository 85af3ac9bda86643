package io.jfrtrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The JDKs the end-to-end tests run on: the one running the tests (17) and Temurin 25 installed beside it. */
final class Jdks {
    static final Path TEMURIN_25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final Path JAVA25 = TEMURIN_25.resolve("bin").resolve("java");

    private Jdks() {
    }

    /** The java running the tests. */
    static Path current() {
        return JfrTraceRun.javaOf(System.getProperty("java.home"));
    }

    /** The current java, and Temurin 25's when it is installed: a method source for tests on both. */
    static List<Path> available() {
        List<Path> javas = new ArrayList<>(List.of(current()));
        if (Files.isExecutable(JAVA25)) {
            javas.add(JAVA25);
        }
        return javas;
    }
}
