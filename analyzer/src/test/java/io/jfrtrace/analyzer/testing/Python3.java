package io.jfrtrace.analyzer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs CPython ({@code python3}), the test oracle of every golden test. A test is skipped, not
 * failed, on a machine without python3; a failing Python script fails the test with its stderr.
 */
public final class Python3 {
    private static Boolean available;

    private Python3() {
    }

    public static synchronized void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import pstats, tracemalloc, faulthandler")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "python3 not available");
    }

    /** {@code python3 ARGS...} in {@code dir} (null: the current directory); returns stdout as UTF-8. */
    public static String run(Path dir, List<String> args) throws IOException, InterruptedException {
        return run(dir, args, "");
    }

    /** {@code python3 ARGS...} in {@code dir} with {@code stdin} (UTF-8) piped in; returns stdout as UTF-8. */
    public static String run(Path dir, List<String> args, String stdin) throws IOException, InterruptedException {
        assumeAvailable();
        List<String> cmd = new ArrayList<>();
        cmd.add("python3");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONUTF8", "1");
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.environment().remove("PYTHONPATH");
        Path errFile = Files.createTempFile("python3-stderr", ".txt");
        try {
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            // small inputs: written whole before the output is read, within the pipe's buffer
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 timed out: " + args);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("python3 failed (" + p.exitValue() + "):\n" + Files.readString(errFile, StandardCharsets.UTF_8)
                        + "\nstdout:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errFile);
        }
    }
}
