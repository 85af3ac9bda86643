package io.jfrtrace.cli.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A flame graph page's data, read back by python3 (its json module, and a decoder written here from the page's
 * format): the tests' independent reader. The script given runs after {@code d} (the JSON), {@code numbers(s)} (the
 * base-32 numbers) and {@code names} (the front-coded frame names) are defined; what it prints comes back as lines.
 */
final class PageData {
    private static final List<String> PRELUDE = List.of(
            "import json, sys",
            "page = open(sys.argv[1], encoding='utf-8').read()",
            "mark = '<script type=\"application/json\" id=\"data\">'",
            "start = page.index(mark) + len(mark)",
            "d = json.loads(page[start:page.index('</script>', start)])",
            "DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'",
            "def numbers(s):",
            "    out = []; n = 0",
            "    for ch in s:",
            "        v = DIGITS.index(ch)",
            "        if v >= 32: n = n * 32 + v - 32",
            "        else: out.append(n * 32 + v); n = 0",
            "    return out",
            "prefixes = numbers(d['prefixes']); names = []",
            "for i, suffix in enumerate(d['names']): names.append((names[-1][:prefixes[i]] if i else '') + suffix)");

    private PageData() {
    }

    /** Runs {@code script} (after the prelude) on {@code page}, written into {@code work}; its output's lines. */
    static List<String> python(Path work, String page, String... script) throws Exception {
        Assumptions.assumeTrue(python3Present(), "python3 is needed to read the page's JSON back");
        Path file = work.resolve("page.html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(PRELUDE);
        lines.addAll(List.of(script));
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", String.join("\n", lines), file.toString())
                .directory(work.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8:backslashreplace"); // a lone surrogate in a printed name
        pb.redirectError(work.resolve("python.err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> out + read(work.resolve("python.err")));
        return out.lines().toList();
    }

    static boolean python3Present() {
        try {
            return new ProcessBuilder("python3", "-c", "import json").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
