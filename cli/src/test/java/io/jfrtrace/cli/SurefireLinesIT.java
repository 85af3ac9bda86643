package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line counts of a whole test suite: the tiny Maven project cli/src/test/surefire-project runs its tests offline
 * ({@code mvn -o -q test}) under the agent with README's {@code argLine} (one recording per forked JVM, named by its
 * pid), twice, and {@code trace --report} on all the recordings adds their counts up exactly.
 */
class SurefireLinesIT {
    private static final Path PROJECT = Paths.get("src/test/surefire-project").toAbsolutePath();
    private static final Path AGENT = Paths.get(System.getProperty("jfrtrace.agentJar",
            "../recorder/target/jfr-trace-recorder-0.1.0-SNAPSHOT-agent.jar")).toAbsolutePath();

    @TempDir
    Path work;

    /** {@code mvn -B -o -q test ARGS} in the project's copy, with the agent jar. */
    private String mvnTest(Path project, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-o", "-q", "test", "-Djfrtrace.agent=" + AGENT));
        cmd.addAll(List.of(args));
        Path log = work.resolve("mvn.log");
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("mvn test did not finish in 300 s");
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static boolean mavenOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "mvn")));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else if (!f.startsWith(from.resolve("target"))) {
                    Files.copy(f, t);
                }
            }
        }
    }

    /** The .cover line of the source line that ends with {@code // marker}. */
    private static String coverLine(Path cover, String marker) throws IOException {
        return Files.readAllLines(cover, StandardCharsets.UTF_8).stream().filter(l -> l.endsWith("// " + marker))
                .findFirst().orElseThrow(() -> new AssertionError("no line // " + marker + " in " + cover));
    }

    @Test
    void twoSuiteRunsInThreeForkedJvmsAddUpExactly() throws Exception {
        assumeTrue(mavenOnPath(), "mvn is not on the PATH");
        assumeTrue(Files.isRegularFile(AGENT), "no agent jar at " + AGENT);
        Path project = work.resolve("calc");
        copy(PROJECT, project);
        // run 1: SquaresTest alone, in one forked JVM; run 2: the whole suite, a fresh JVM per test class
        mvnTest(project, "-Dtest=SquaresTest");
        mvnTest(project, "-DreuseForks=false");
        List<Path> recordings;
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            recordings = files.filter(f -> f.getFileName().toString().matches("lines-\\d+\\.jfr")).sorted().toList();
        }
        assertEquals(3, recordings.size(), "one recording per forked JVM: " + recordings);
        for (Path r : recordings) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r)), r.toString());
        }
        List<String> args = new ArrayList<>(List.of("trace", "--report"));
        recordings.forEach(r -> args.add(r.toString()));
        args.addAll(List.of("-m", "-s", "-C", "cov", "--source-path", project.resolve("src/main/java").toString()));
        JfrTraceRun tr = JfrTraceRun.run(work, Jdks.current(), args);
        assertEquals(0, tr.exitCode(), tr::toString);
        assertEquals("", tr.stderr(), "only the library's classes are recorded (exclude=*Test): " + tr);
        Path cover = work.resolve("cov/com.example.calc.Calc.cover");
        // SquaresTest ran twice: sumOfSquares(10) and sumOfSquares(3) per run, 13 loop bodies each time
        assertEquals("    4:         long total = 0; // start", coverLine(cover, "start"));
        assertEquals("   30:         for (int i = 1; i <= n; i++) { // loop", coverLine(cover, "loop"));
        assertEquals("   26:             total += (long) i * i; // square", coverLine(cover, "square"));
        // SignTest ran once (in the second run's own JVM)
        assertEquals("    1:         return x == 0 ? 0 : 1; // non-negative", coverLine(cover, "non-negative"));
        assertEquals(">>>>>>             return -1; // negative", coverLine(cover, "negative"));
        assertEquals(List.of("lines   cov%   module   (path)",
                "    9    66%   com.example.calc.Calc   (" + project.resolve("src/main/java/com/example/calc/Calc.java") + ")"),
                tr.lines(), tr::toString);
    }
}
