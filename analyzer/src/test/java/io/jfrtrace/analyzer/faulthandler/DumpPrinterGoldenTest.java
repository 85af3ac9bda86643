package io.jfrtrace.analyzer.faulthandler;

import io.jfrtrace.analyzer.testing.Python3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link DumpPrinter} against CPython 3.11's faulthandler: {@code faulthandler_oracle.py} makes real dumps (odd names,
 * 600-character strings, 100/101/150 frames, 2–130 threads, {@code dump_traceback_later} headers) and reports the
 * frames of every thread as {@code sys._current_frames()} saw them on the dumping line. The Java model is built from
 * that truth — its strings unescaped and uncut, all its frames and threads — in the thread order and with the
 * {@code Current} mark of Python's output, and must print the same bytes. Only the hex thread ids (pthread ids there,
 * Java ids here) and the words {@code Java frame}/{@code Python frame} are normalised; thread names are left out
 * (null), as faulthandler prints none.
 */
class DumpPrinterGoldenTest {
    private static final Pattern THREAD_LINE = Pattern.compile("^(Current thread|Thread) 0x([0-9a-f]{16}) \\(most recent call first\\):$");

    record Scenario(String name, long timeoutMicros, String output, Map<Long, List<StackFrame>> truth) {
    }

    static List<Scenario> scenarios;

    @BeforeAll
    static void runPython() throws Exception {
        scenarios = parse(python());
    }

    @TestFactory
    List<DynamicTest> printsWhatFaulthandlerPrints() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario s : scenarios) {
            tests.add(DynamicTest.dynamicTest(s.name(), () -> {
                String expected = normalise(s.output());
                String actual = normalise(new DumpPrinter(DumpPrinter.Limits.PYTHON).format(model(s)));
                assertEquals(expected, actual);
            }));
        }
        assertTrue(tests.size() >= 10, "scenarios: " + tests.size());
        return tests;
    }

    /** The Java model of a scenario: Python's thread order and Current mark, the truth's frames, every thread. */
    static ThreadDump model(Scenario s) {
        List<Long> order = new ArrayList<>();
        Set<Long> current = new LinkedHashSet<>();
        for (String line : s.output().split("\n")) {
            Matcher m = THREAD_LINE.matcher(line);
            if (m.matches()) {
                long ident = Long.parseUnsignedLong(m.group(2), 16);
                order.add(ident);
                if (m.group(1).startsWith("Current")) {
                    current.add(ident);
                }
            }
        }
        for (Long ident : s.truth().keySet()) {
            if (!order.contains(ident)) {
                order.add(ident); // threads faulthandler did not print (past 100) come after
            }
        }
        List<ThreadStack> threads = new ArrayList<>();
        long id = order.size();
        for (Long ident : order) {
            List<StackFrame> frames = s.truth().get(ident);
            assertTrue(frames != null, () -> "thread " + ident + " printed but not in the truth of " + s.name());
            threads.add(new ThreadStack(id--, null, "RUNNABLE", current.contains(ident), frames));
        }
        Reason reason = s.timeoutMicros() > 0 ? Reason.TIMEOUT : Reason.REQUEST;
        return new ThreadDump(1, null, reason, "", s.timeoutMicros(), -1, threads);
    }

    static String normalise(String text) {
        return text.replaceAll("0x[0-9a-f]{16}", "0xTID").replace("<no Java frame>", "<no Python frame>")
                .replace("Fatal JVM error", "Fatal Python error");
    }

    static List<Scenario> parse(String text) {
        List<Scenario> out = new ArrayList<>();
        String name = null;
        long timeout = 0;
        String output = null;
        Map<Long, List<StackFrame>> truth = new LinkedHashMap<>();
        List<StackFrame> current = null;
        HexFormat hex = HexFormat.of();
        for (String line : (text + "\n== end").split("\n")) {
            if (line.startsWith("== ")) {
                if (name != null) {
                    out.add(new Scenario(name, timeout, output, truth));
                }
                name = line.substring(3);
                timeout = 0;
                output = null;
                truth = new LinkedHashMap<>();
            } else if (line.startsWith("timeout ")) {
                timeout = Long.parseLong(line.substring(8));
            } else if (line.startsWith("output ")) {
                output = new String(hex.parseHex(line.substring(7)), StandardCharsets.US_ASCII);
            } else if (line.startsWith("thread ")) {
                current = new ArrayList<>();
                truth.put(Long.parseLong(line.substring(7)), current);
            } else if (line.startsWith("frame ")) {
                String[] p = line.split(" ");
                current.add(new StackFrame(utf8(hex, p[1]), Integer.parseInt(p[2]), utf8(hex, p.length > 3 ? p[3] : "")));
            }
        }
        return out;
    }

    private static String utf8(HexFormat hex, String h) {
        return new String(hex.parseHex(h), StandardCharsets.UTF_8);
    }

    static Path script() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        String rel = "src/test/java/io/jfrtrace/analyzer/faulthandler/faulthandler_oracle.py";
        Path p = Path.of(base, rel);
        return Files.isRegularFile(p) ? p : Path.of(base, "analyzer", rel);
    }

    static String python() throws IOException, InterruptedException {
        return Python3.run(null, List.of(script().toString()));
    }
}
