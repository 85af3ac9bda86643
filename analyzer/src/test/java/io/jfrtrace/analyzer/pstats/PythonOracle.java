package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.testing.Python3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs CPython ({@code python3}) as the test oracle. Tests are skipped when it is missing. */
final class PythonOracle {
    private PythonOracle() {}

    static void assumeAvailable() {
        Python3.assumeAvailable();
    }

    /** Runs {@code python3 -c code args...} in {@code dir}; returns stdout (UTF-8); fails on a non-zero exit. */
    static String run(Path dir, String code, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-c", code));
        cmd.addAll(List.of(args));
        return Python3.run(dir, cmd);
    }
}
