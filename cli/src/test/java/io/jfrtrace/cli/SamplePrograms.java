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

/**
 * Compiles the sample programs of sample-recordings/src and the test programs of src/test/programs: once for all the
 * test classes of a JVM that only read the classes ({@link #compiled}), or into a test's own folder.
 */
final class SamplePrograms {
    static final Path SOURCES = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"))
            .toAbsolutePath().normalize().resolve("src");

    /** The API jar apps compile against (io.jfrtrace.api.*), built by api/. */
    static final Path API_JAR = Paths.get(System.getProperty("jfrtrace.apiJar", "../api/target/jfr-trace-api.jar"))
            .toAbsolutePath().normalize();

    /** A class path for running the samples: the compiled classes and the API jar. */
    static String classPath(Path classes) {
        return classes + java.io.File.pathSeparator + API_JAR;
    }

    /** The line of {@code file} (under src/com/example) that ends with the comment {@code // marker}. */
    static int lineOf(String file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve("com/example").resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new IOException("no line marked // " + marker + " in " + file);
    }

    /** Test-only programs (cli/src/test/programs: crashes, hangs, timing), compiled with the samples. */
    static final Path TEST_PROGRAMS = Paths.get("src/test/programs").toAbsolutePath();

    /** {@link #compiled}'s folder, once made. */
    private static Path shared;

    private SamplePrograms() {
    }

    /**
     * The samples and the test programs compiled once per JVM, into a private temporary folder removed at exit: for
     * tests that run them and read their class files, never write beside them (those compile their own copy with
     * {@link #compileWithTestPrograms}).
     */
    static synchronized Path compiled() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("jfr-trace-test-programs"); // 0700, a random name
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            shared = compileWithTestPrograms(dir);
        }
        return shared;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind: nothing to report at exit
        }
    }

    /** The samples and the test programs, compiled into {@code into}. */
    static Path compileWithTestPrograms(Path into) throws IOException {
        compile(into);
        return javac(into, TEST_PROGRAMS);
    }

    static Path compile(Path into) throws IOException {
        return javac(into, SOURCES);
    }

    private static Path javac(Path into, Path sources) throws IOException {
        List<String> args = new ArrayList<>(List.of("-g", "--release", "17", "-nowarn", "-d", into.toString(),
                "-cp", into + java.io.File.pathSeparator + API_JAR));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IOException("javac failed on " + sources + ": " + rc);
        }
        return into;
    }
}
