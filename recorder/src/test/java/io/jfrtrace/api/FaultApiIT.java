package io.jfrtrace.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FaultHandler API with only the API jar (prints, records nothing) and under the agent (also records). */
class FaultApiIT {
    static final Path AGENT = Path.of(System.getProperty("jfrtrace.agentJar", "target/jfr-trace-agent.jar")).toAbsolutePath();
    static final Path API = Path.of(System.getProperty("jfrtrace.apiJar", "target/jfr-trace-api.jar")).toAbsolutePath();
    static final Path CLASSES = Path.of(System.getProperty("jfrtrace.testClasses", "target/test-classes")).toAbsolutePath();

    @TempDir
    Path tmp;

    String run(String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmArgs));
        // the API jar first, then only the test app's classes: no other io.jfrtrace class on the class path
        Path app = Files.createDirectories(tmp.resolve("app/testapp"));
        Files.copy(CLASSES.resolve("testapp/FaultApiApp.class"), app.resolve("FaultApiApp.class"));
        cmd.addAll(List.of("-cp", API + ":" + tmp.resolve("app"), "testapp.FaultApiApp"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.US_ASCII);
        assertEquals(0, p.exitValue(), out + Files.readString(tmp.resolve("err.txt")));
        return out;
    }

    static void assertText(String out) {
        assertTrue(out.contains("Stack (most recent call first):\n  File \"testapp/FaultApiApp.java\", line 10 in FaultApiApp.work\n"
                + "  File \"testapp/FaultApiApp.java\", line 15 in FaultApiApp.main\n"), out);
        assertTrue(out.contains("Timeout (0:00:00.300000)!\nThread 0x"), out);
        assertTrue(out.contains("\"main\" (most recent call first):\n"), out);
        assertTrue(out.contains("refused USR2"), out);
        assertEquals(1, out.split("Timeout", -1).length - 1, out);
    }

    @Test
    void withoutTheAgentItPrintsAndRecordsNothing() throws Exception {
        String out = run();
        assertTrue(out.startsWith("recording=false enabled=false\n"), out);
        assertText(out);
    }

    @Test
    void underTheAgentEveryDumpIsAlsoRecorded() throws Exception {
        Path jfr = tmp.resolve("api.jfr");
        String out = run("-javaagent:" + AGENT + "=output=" + jfr + ",quiet=true");
        assertTrue(out.startsWith("recording=true enabled=true\n"), out);
        assertText(out);
        List<RecordedEvent> dumps = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jfrtrace.ThreadDump"))
                // events of different threads' buffers come in no fixed order: dumpId is the dump order
                .sorted(java.util.Comparator.comparingLong(e -> e.getLong("dumpId"))).toList();
        assertEquals(2, dumps.size(), dumps::toString);
        assertEquals("request", dumps.get(0).getString("reason"));
        assertEquals(1, dumps.get(0).getInt("threadCount"));
        assertEquals("timeout", dumps.get(1).getString("reason"));
        assertEquals(300_000L, dumps.get(1).getLong("timeoutMicros"));
    }
}
