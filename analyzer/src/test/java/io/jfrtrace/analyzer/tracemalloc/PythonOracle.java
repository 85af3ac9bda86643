package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.testing.Python3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code tracemalloc_oracle.py} (beside this class) with the machine's CPython 3. */
final class PythonOracle {
    private PythonOracle() {}

    static Path script() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        Path p = Path.of(base, "src/test/java/io/jfrtrace/analyzer/tracemalloc/tracemalloc_oracle.py");
        if (!Files.isRegularFile(p)) p = Path.of(base, "analyzer/src/test/java/io/jfrtrace/analyzer/tracemalloc/tracemalloc_oracle.py");
        if (!Files.isRegularFile(p)) throw new IllegalStateException("oracle script not found from " + base);
        return p;
    }

    /** Python's stdout; the test is skipped (not failed) when no python3 is installed. */
    static String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(script().toString());
        cmd.addAll(List.of(args));
        return Python3.run(workDir, cmd);
    }

    /** Splits "== title" sections into title -> body (lines after the header, each ending in '\n'). */
    static Map<String, String> sections(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (title != null) out.put(title, body.toString());
                title = line.substring(3);
                body.setLength(0);
            } else if (title != null) {
                body.append(line).append('\n');
            }
        }
        if (title != null) out.put(title, body.toString());
        // the split adds one empty trailing piece: drop its '\n' from the last section
        if (title != null) {
            String last = out.get(title);
            out.put(title, last.endsWith("\n") ? last.substring(0, last.length() - 1) : last);
        }
        return out;
    }

    /** Minimal JSON writer for the oracle's inputs (strings, numbers, booleans, null, lists, maps). */
    static String json(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') sb.append('\\').append(c);
                else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
            return sb.append('"').toString();
        }
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object e : l) parts.add(json(e));
            return "[" + String.join(",", parts) + "]";
        }
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(json(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", parts) + "}";
        }
        throw new IllegalArgumentException("no JSON for " + o.getClass());
    }
}
