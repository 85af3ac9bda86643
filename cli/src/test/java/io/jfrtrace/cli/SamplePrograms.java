package io.jfrtrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the sample programs of sample-recordings/src once per test class. */
final class SamplePrograms {
    static final Path SOURCES = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"))
            .toAbsolutePath().normalize().resolve("src");

    private SamplePrograms() {
    }

    static Path compile(Path into) throws IOException {
        List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-d", into.toString()));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IOException("javac failed on the samples: " + rc);
        }
        return into;
    }
}
