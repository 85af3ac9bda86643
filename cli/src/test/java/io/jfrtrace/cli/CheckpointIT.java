package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.analyzer.jfr.ChunkedRecording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A one-hour-equivalent service (com.example.service.LongService: 60 rounds of 1000 requests, a chunk each) recorded
 * while JFR's maxage drops all but the last chunks: stats still counts every request, from the last checkpoint of the
 * call profile (written at each chunk's end) plus the flushes after it, where the deltas left in the file fall short.
 */
class CheckpointIT {
    static final int MINUTES = 60;

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jfrtrace.cli.Jdks#available")
    void totalsAreExactAfterJfrDroppedTheOldChunks(Path java) throws Exception {
        String name = "service-" + (java.equals(Jdks.current()) ? "current" : "25") + ".jfr";
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-q", "-o", name, "--", "-cp", classes.toString(),
                "com.example.service.LongService", Integer.toString(MINUTES), "1500"));
        assertEquals(0, rec.exitCode(), rec::toString);
        Path recording = work.resolve(name);

        int chunks = ChunkedRecording.open(recording).chunkCount();
        assertTrue(chunks > 1 && chunks < MINUTES, "JFR dropped the old chunks: " + chunks + " left");
        long deltas = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jfrtrace.FunctionStats")
                    && e.getString("function").equals("LongService.request")) {
                deltas += e.getLong("callCount");
            }
        }
        assertTrue(deltas < MINUTES * 1000L, "the deltas left sum to " + deltas + ": the first rounds' are gone");

        JfrTraceRun stats = JfrTraceRun.run(work, java, List.of("stats", name));
        assertEquals("", stats.stderr(), stats::toString);
        CallProfileEndToEndIT.assertRow(stats, Integer.toString(MINUTES * 1000),
                "com/example/service/LongService.java:39(LongService.request)");
        CallProfileEndToEndIT.assertRow(stats, Integer.toString(MINUTES * 1000),
                "com/example/service/LongService.java:43(LongService.handle)");
        CallProfileEndToEndIT.assertRow(stats, Integer.toString(MINUTES * 100),
                "com/example/service/LongService.java:47(LongService.audit)");
        CallProfileEndToEndIT.assertRow(stats, "1", "com/example/service/LongService.java:18(LongService.main)");
    }
}
