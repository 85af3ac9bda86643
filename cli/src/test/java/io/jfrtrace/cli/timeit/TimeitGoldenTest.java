package io.jfrtrace.cli.timeit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.jfrtrace.analyzer.timeit.TimeitPrinter;
import io.jfrtrace.analyzer.timeit.TimeitResult;
import io.jfrtrace.analyzer.timeit.TimeitUnit;
import io.jfrtrace.api.Timeit;

/**
 * What {@code jfr-trace timeit} prints against CPython's own {@code timeit.main}, both driven by the same scripted
 * durations: on our side the API's {@link Timeit.Timer} (autorange, repeat) over an inner that returns them, and
 * {@link TimeitPrinter}; on Python's a timer whose readings give the same durations. Stdout and stderr must be equal
 * byte for byte.
 */
class TimeitGoldenTest {
    /** A command line (timeit's options only) and the durations its timings take, in nanoseconds, in order. */
    record Scenario(List<String> args, List<Long> durations) {
    }

    static final List<Scenario> SCENARIOS = new ArrayList<>();
    static List<String[]> python;

    static {
        add(List.of("-n", "1000"), 36_900, 40_800, 204_000, 37_000, 38_000); // the unreliable-results warning
        add(List.of("-n", "1000", "-r", "3"), 36_900, 40_800, 37_000);
        add(List.of("-n", "1", "-r", "2"), 3_500_000_000L, 3_400_000_000L); // "1 loop", sec
        add(List.of("-n", "10", "-r", "1"), 3); // 0.3 nsec
        add(List.of("-n", "1", "-r", "1"), 999_600); // 1e+03 usec: %g rounds up
        add(List.of("-n", "1000", "-r", "0"), 2_500); // 2.5 nsec, -r 0 is one repeat
        add(List.of("-n", "1000", "-r", "-3", "-u", "msec"), 2_500_000); // 0.0025 msec
        add(List.of("-n", "1", "-u", "sec"), 150, 150, 150, 150, 150); // 1.5e-07 sec
        add(List.of("-n", "100", "-u", "nsec", "-v"), 4_200, 4_250, 4_300, 4_400, 100_000);
        add(List.of("-n", "7", "-r", "2", "-v", "-v"), 12_345_678, 12_345_679);
        add(List.of("-n", "3", "-r", "2", "-v", "-v", "-v", "-u", "usec"), 1_000_000_000, 123_456_789);
        add(List.of("-n", "1000000", "-r", "2"), 20_000_000_000L, 19_999_999_999L);
        autorange(List.of(), 12_500, 5);
        autorange(List.of("-v"), 12_500, 5);
        autorange(List.of("-v", "-r", "3"), 300_000_000, 3); // the first trial is enough
        autorange(List.of("-v", "-v"), 37, 5);
        autorange(List.of("-n", "0", "-r", "2", "-v", "-u", "usec"), 1_000_000, 2);
    }

    private static void add(List<String> args, long... durations) {
        SCENARIOS.add(new Scenario(args, java.util.Arrays.stream(durations).boxed().toList()));
    }

    /** Autorange's trials at {@code perLoop} ns, then {@code repeats} repeats of the chosen number, one a bit slower. */
    private static void autorange(List<String> args, long perLoop, int repeats) {
        List<Long> d = new ArrayList<>();
        long number = 0;
        outer:
        for (long i = 1; ; i *= 10) {
            for (long j : new long[] {1, 2, 5}) {
                number = i * j;
                d.add(number * perLoop);
                if (number * perLoop >= 200_000_000) {
                    break outer;
                }
            }
        }
        for (int r = 0; r < repeats; r++) {
            d.add(number * perLoop + r * 1_000L);
        }
        SCENARIOS.add(new Scenario(args, d));
    }

    @BeforeAll
    static void runPython() throws Exception {
        python = oracle();
    }

    @TestFactory
    List<DynamicTest> printsWhatPythonsTimeitPrints() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < SCENARIOS.size(); i++) {
            Scenario s = SCENARIOS.get(i);
            String[] expected = python.get(i);
            tests.add(DynamicTest.dynamicTest("timeit " + String.join(" ", s.args()), () -> {
                String[] actual = ours(s);
                assertEquals(expected[0], actual[0], "stdout");
                assertEquals(expected[1], actual[1], "stderr");
            }));
        }
        return tests;
    }

    /** Our stdout and stderr for the scenario: timeit's option rules, the API's timer, our printer. */
    static String[] ours(Scenario s) throws Throwable {
        long number = 0;
        int repeat = 5;
        int verbose = 0;
        TimeitUnit unit = null;
        for (Iterator<String> a = s.args().iterator(); a.hasNext(); ) {
            switch (a.next()) {
                case "-n" -> number = Long.parseLong(a.next());
                case "-r" -> repeat = Math.max(1, Integer.parseInt(a.next()));
                case "-u" -> unit = TimeitUnit.parse(a.next());
                case "-v" -> verbose++;
                default -> throw new AssertionError(s);
            }
        }
        Iterator<Long> durations = s.durations().iterator();
        Timeit.Timer timer = Timeit.ofInner((n, clock) -> durations.next(), () -> 0);
        List<TimeitResult.Trial> trials = new ArrayList<>();
        if (number == 0) {
            number = timer.autorange((n, t) -> trials.add(new TimeitResult.Trial(n, t))).number();
        }
        TimeitResult result = new TimeitResult(trials, number, repeat, timer.repeat(repeat, number));
        TimeitPrinter printer = new TimeitPrinter(unit, verbose);
        return new String[] {printer.out(result), printer.err(result)};
    }

    static List<String[]> oracle() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is needed as the oracle");
            return null;
        }
        String json = SCENARIOS.stream().map(s -> "{\"args\": [" + s.args().stream().map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(", ")) + "], \"durations\": " + s.durations() + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        p.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "python3 failed");
        // the script's output: a JSON list of {"out": ..., "err": ..., "status": ...}; strings hold only ASCII
        List<String[]> results = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"out\": \"((?:[^\"\\\\]|\\\\.)*)\", \"err\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(out);
        while (m.find()) {
            results.add(new String[] {unescape(m.group(1)), unescape(m.group(2))});
        }
        assertEquals(SCENARIOS.size(), results.size(), out);
        return results;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String script() throws IOException {
        try (InputStream in = TimeitGoldenTest.class.getResourceAsStream("timeit_oracle.py")) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(Path.of("src/test/java/io/jfrtrace/cli/timeit/timeit_oracle.py"));
    }
}
