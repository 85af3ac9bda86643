package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.analyzer.jfr.ChunkedRecording;
import io.jfrtrace.schema.LineLists;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Line counts have the call profile's guarantees (CheckpointIT): com.example.lines.LongLines runs one line 1000 times
 * a round, a chunk each round, while JFR's maxage drops the old chunks (and with them the deltas and the line table
 * of the first flushes); trace still reports every execution and the lines that never ran, from the last checkpoint
 * of the line counts plus the flushes after it, also when the program is then killed with SIGKILL.
 */
class LineCheckpointIT {
    static final int ROUNDS = 40;
    static final String MAX_AGE_MILLIS = "1500";

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static List<String> record(String out, String... programArgs) {
        List<String> args = new ArrayList<>(List.of("record", "-q", "--lines", "-o", out, "--include",
                "com.example.lines.*", "--", "-cp", classes.toString(), "com.example.lines.LongLines",
                Integer.toString(ROUNDS), MAX_AGE_MILLIS));
        args.addAll(List.of(programArgs));
        return args;
    }

    static String jdk(Path java) {
        return java.equals(Jdks.current()) ? "current" : "25";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void countsAreExactAfterJfrDroppedTheOldChunks(Path java) throws Exception {
        String name = "lines-" + jdk(java);
        JfrTraceRun rec = JfrTraceRun.run(work, java, record(name + ".jfr"));
        assertEquals(0, rec.exitCode(), rec::toString);
        assertOldChunksDropped(work.resolve(name + ".jfr"));
        assertCounts(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void aKilledProgramKeepsWhatWasFlushedMoreThanAFlushPeriodBefore(Path java) throws Exception {
        String name = "killed-" + jdk(java);
        Process p = JfrTraceRun.start(work, java, record(name + ".jfr", "wait"));
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(2500); // more than two flush periods (1 s) since the last request ran
        ProcessHandle jvm = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new AssertionError("no child JVM"));
        new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(p, work);
        assertEquals(137, rec.exitCode(), rec::toString);
        assertOldChunksDropped(work.resolve(name + ".jfr"));
        assertCounts(name);
        assertTrue(coverLine(name, "tick").matches(" +\\d+: .*"), () -> coverLine(name, "tick"));
    }

    /** The test means something only if the deltas left in the file fall short of the run's counts. */
    private static void assertOldChunksDropped(Path recording) throws Exception {
        int chunks = ChunkedRecording.open(recording).chunkCount();
        assertTrue(chunks > 1 && chunks < ROUNDS, "JFR dropped the old chunks: " + chunks + " left");
        int requestLine = lineOf("request");
        long deltas = 0;
        boolean table = false;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (type.equals("jfrtrace.LineCounts") && e.getString("className").equals("com.example.lines.LongLines")) {
                deltas += LineLists.parseCounts(e.getString("counts")).getOrDefault(requestLine, 0L);
            }
            table |= type.equals("jfrtrace.LineTable");
        }
        assertTrue(deltas < ROUNDS * 1000L, "the deltas left sum to " + deltas + ": the first rounds' are gone");
        assertTrue(!table, "the line tables of the first flush are gone");
    }

    private static void assertCounts(String name) throws Exception {
        JfrTraceRun tr = JfrTraceRun.run(work, "trace", "--report", name + ".jfr", "--missing", "-C", name,
                "--source-path", SamplePrograms.TEST_PROGRAMS.toString());
        assertEquals(0, tr.exitCode(), tr::toString);
        assertEquals("", tr.stderr(), tr::toString);
        assertTrue(coverLine(name, "request").startsWith(String.format("%5d: ", ROUNDS * 1000)), () -> coverLine(name, "request"));
        assertTrue(coverLine(name, "never").startsWith(">>>>>> "), () -> coverLine(name, "never"));
    }

    /** The line of LongLines.java that ends with {@code // marker}. */
    private static int lineOf(String marker) throws java.io.IOException {
        List<String> lines = Files.readAllLines(SamplePrograms.TEST_PROGRAMS.resolve("com/example/lines/LongLines.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line // " + marker);
    }

    private static String coverLine(String dir, String marker) {
        try {
            for (String l : Files.readAllLines(work.resolve(dir).resolve("com.example.lines.LongLines.cover"),
                    StandardCharsets.UTF_8)) {
                if (l.endsWith("// " + marker)) {
                    return l;
                }
            }
            return "no line // " + marker;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
