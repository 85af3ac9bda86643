package io.jfrtrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code jfr-trace.jar} as a real process, the way a user does. */
record JfrTraceRun(int exitCode, String stdout, String stderr) {
    static final Path JAR = Paths.get(System.getProperty("jfrtrace.jar", "target/jfr-trace.jar")).toAbsolutePath();

    static JfrTraceRun run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, javaOf(System.getProperty("java.home")), List.of(args));
    }

    static JfrTraceRun run(Path workDir, Path java, List<String> args) throws IOException, InterruptedException {
        Process p = start(workDir, java, args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("jfr-trace " + args + " did not finish in 180 s");
        }
        return collect(p, workDir);
    }

    /** As {@link #run(Path, Path, List)} with extra environment variables for jfr-trace (and so for the program). */
    static JfrTraceRun run(Path workDir, Path java, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Process p = start(workDir, java, env, args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("jfr-trace " + args + " did not finish in 180 s");
        }
        return collect(p, workDir);
    }

    static Process start(Path workDir, Path java, List<String> args) throws IOException {
        return start(workDir, java, Map.of(), args);
    }

    static Process start(Path workDir, Path java, Map<String, String> env, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb.directory(workDir.toFile())
                .redirectOutput(workDir.resolve(".stdout").toFile())
                .redirectError(workDir.resolve(".stderr").toFile()).start();
    }

    static JfrTraceRun collect(Process p, Path workDir) throws IOException {
        return new JfrTraceRun(p.exitValue(),
                Files.readString(workDir.resolve(".stdout"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve(".stderr"), StandardCharsets.UTF_8));
    }

    static Path javaOf(String javaHome) {
        return Paths.get(javaHome, "bin", "java");
    }

    /** The output lines of stats as a list, for exact line assertions. */
    List<String> lines() {
        return stdout.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
