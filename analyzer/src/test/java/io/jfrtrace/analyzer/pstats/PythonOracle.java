package io.jfrtrace.analyzer.pstats;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs CPython ({@code python3}) as the test oracle. Tests are skipped when it is missing. */
final class PythonOracle {
    private static Boolean available;

    private PythonOracle() {}

    static void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import pstats").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "python3 not available");
    }

    /** Runs {@code python3 -c code args...} in {@code dir}; returns stdout (UTF-8); fails on a non-zero exit. */
    static String run(Path dir, String code, String... args) throws IOException, InterruptedException {
        assumeAvailable();
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", code));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONHASHSEED", "0");
        Path errFile = java.nio.file.Files.createTempFile("py-stderr", ".txt");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 timed out");
        }
        byte[] err = java.nio.file.Files.readAllBytes(errFile);
        java.nio.file.Files.deleteIfExists(errFile);
        if (p.exitValue() != 0) {
            throw new AssertionError("python3 failed (" + p.exitValue() + "):\n" + new String(err, StandardCharsets.UTF_8)
                    + "\nstdout:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
