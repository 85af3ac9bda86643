package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allocation tracing in real child JVMs (testapp.LeakApp), read back from the .jfr. */
class AllocIT {
    static final Path API = Path.of(System.getProperty("jfrtrace.apiJar", "target/jfr-trace-api.jar")).toAbsolutePath();
    static final String CP = AgentIT.CLASSES + java.io.File.pathSeparator + API;
    static final String LEAK = "testapp/LeakApp.java:22";
    static final String GARBAGE = "testapp/LeakApp.java:23";
    static final String COPY = "testapp/LeakApp.java:27";

    @TempDir
    Path tmp;

    /** One snapshot: header fields and traces by frames. */
    record Snap(int id, String label, String reason, boolean exact, int limit, long current, long peak, int traceCount,
                Map<String, RecordedEvent> traces) {
        long count(String frames) {
            RecordedEvent e = traces.get(frames);
            return e == null ? 0 : e.getLong("count");
        }

        long allocated(String frames) {
            RecordedEvent e = traces.get(frames);
            return e == null ? 0 : e.getLong("allocatedCount");
        }
    }

    static List<Snap> snapshots(Path jfr) throws Exception {
        Map<Integer, Map<String, RecordedEvent>> traces = new LinkedHashMap<>();
        List<RecordedEvent> heads = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String t = e.getEventType().getName();
            if (t.equals("jfrtrace.AllocationTrace")) {
                assertEquals(0, e.getInt("domain"));
                traces.computeIfAbsent(e.getInt("snapshotId"), k -> new LinkedHashMap<>()).put(e.getString("frames"), e);
            } else if (t.equals("jfrtrace.AllocationSnapshot")) {
                heads.add(e);
            }
        }
        List<Snap> out = new ArrayList<>();
        for (RecordedEvent h : heads) {
            int id = h.getInt("snapshotId");
            Map<String, RecordedEvent> tr = traces.getOrDefault(id, Map.of());
            assertEquals(h.getInt("traceCount"), tr.size());
            out.add(new Snap(id, h.getString("label"), h.getString("reason"), h.getBoolean("exact"),
                    h.getInt("tracebackLimit"), h.getLong("tracedCurrent"), h.getLong("tracedPeak"),
                    h.getInt("traceCount"), tr));
        }
        out.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return out;
    }

    static AgentIT.Run run(String java, String opts, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (opts != null) {
            cmd.add("-javaagent:" + AgentIT.AGENT + "=" + opts);
        }
        cmd.add("-cp");
        cmd.add(CP);
        cmd.add("testapp.LeakApp");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new AgentIT.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void checkExactLeak(List<Snap> s, boolean apiSnapshots) {
        Snap exit = s.get(s.size() - 1);
        assertEquals("exit", exit.label());
        assertEquals("exit", exit.reason());
        assertTrue(exit.exact());
        assertEquals(1500, exit.count(LEAK));
        assertEquals(1500, exit.allocated(LEAK));
        assertEquals(0, exit.count(GARBAGE));
        assertEquals(1500, exit.allocated(GARBAGE));
        assertEquals(0, exit.count(COPY));
        assertEquals(3000, exit.allocated(COPY)); // the array literal and Arrays.copyOf's result
        assertEquals(0, exit.count("testapp/LeakApp.java:25"));
        assertEquals(1500, exit.allocated("testapp/LeakApp.java:25"));
        long leakBytes = exit.traces().get(LEAK).getLong("size");
        assertEquals(1500 * 16, leakBytes); // LeakApp$Item: 12-byte header + int (compressed oops)
        assertTrue(exit.current() >= leakBytes && exit.peak() >= exit.current());
        if (apiSnapshots) {
            Snap first = s.get(0);
            Snap second = s.get(1);
            assertEquals("first", first.label());
            assertEquals("api", first.reason());
            assertEquals("second", second.label());
            assertEquals(1000, first.count(LEAK));
            assertEquals(1500, second.count(LEAK));
            assertEquals(500, second.count(LEAK) - first.count(LEAK));
            assertEquals(500, second.allocated(GARBAGE) - first.allocated(GARBAGE));
            assertEquals(0, second.count(GARBAGE));
            for (int i = 0; i < s.size(); i++) {
                assertEquals(i + 1, s.get(i).id());
            }
        }
    }

    @Test
    void exactModeCountsTheLeakAndNotTheGarbage() throws Exception {
        Path f = tmp.resolve("exact.jfr");
        AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",alloc=1,allocExact=true,quiet=true", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("snapshots=1,2 tracing=true limit=1"), r.stdout());
        assertTrue(r.stdout().contains("traceback=[" + LEAK + "]"), r.stdout());
        List<Snap> s = snapshots(f);
        assertEquals(3, s.size());
        checkExactLeak(s, true);
        assertEquals(1, s.get(2).limit());
        // call profiling still on
        assertTrue(AgentIT.read(f).nc("LeakApp.request") == 1500);
    }

    @Test
    void apiIsANoOpWithoutTheAgent() throws Exception {
        AgentIT.Run r = run(AgentIT.JAVA17, null, "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("snapshots=0,0 tracing=false limit=0 current=0 peak=0 mem=0"), r.stdout());
        assertTrue(r.stdout().contains("traceback=null deep=null"), r.stdout());
    }

    @Test
    void apiIsANoOpWhenOnlyCallProfiling() throws Exception {
        Path f = tmp.resolve("noalloc.jfr");
        AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",quiet=true", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("snapshots=0,0 tracing=false"), r.stdout());
        assertEquals(0, snapshots(f).size());
        assertEquals(1500, AgentIT.read(f).nc("LeakApp.request"));
    }

    @Test
    void systemExitStillWritesTheExitSnapshot() throws Exception {
        Path f = tmp.resolve("exit.jfr");
        AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",alloc=1,allocExact=true,profile=false,quiet=true", "exit");
        assertEquals(7, r.exitCode(), r.stderr());
        List<Snap> s = snapshots(f);
        checkExactLeak(s, true);
        assertEquals(0, AgentIT.read(f).nc("LeakApp.request")); // profile=false: no call stats
    }

    @Test
    void snapshotsFromTheApiWhileAnotherThreadAllocates() throws Exception {
        Path f = tmp.resolve("threads.jfr");
        AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",alloc=1,quiet=true", "threads");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("lastSnapshot=7"), r.stdout());
        List<Snap> s = snapshots(f);
        assertEquals(8, s.size());
        long prev = -1;
        for (int k = 0; k < 5; k++) {
            Snap w = s.get(2 + k);
            assertEquals("while-" + k, w.label());
            assertFalse(w.exact());
            long a = w.allocated(GARBAGE);
            assertTrue(a >= prev && a >= 1500, "allocated totals only grow: " + a);
            prev = a;
        }
        Snap exit = s.get(7);
        assertEquals("exit", exit.label());
        assertEquals(201_500, exit.allocated(GARBAGE));    // exact in sampled mode too
        assertEquals(201_500, exit.allocated(LEAK));
    }

    @Test
    void tracebacksOfThreeFramesHaveTheCallerLines() throws Exception {
        for (String profile : new String[] {"true", "false"}) {
            Path f = tmp.resolve("deep-" + profile + ".jfr");
            AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",alloc=3,allocExact=true,quiet=true,profile=" + profile,
                    "normal");
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("deep=[testapp/LeakApp.java:40, testapp/LeakApp.java:36, "
                    + "testapp/LeakApp.java:32]"), r.stdout());
            List<Snap> s = snapshots(f);
            Snap exit = s.get(s.size() - 1);
            assertEquals(3, exit.limit());
            String deep = "testapp/LeakApp.java:40;testapp/LeakApp.java:36;testapp/LeakApp.java:32";
            assertEquals(1, exit.allocated(deep), profile);
            assertEquals(4, exit.traces().get(deep).getInt("totalNframe"), profile); // main, level1..3
            assertEquals(1000, exit.count("testapp/LeakApp.java:48;" + LEAK), profile);
            assertEquals(500, exit.count("testapp/LeakApp.java:52;" + LEAK), profile);
            assertEquals(2, exit.traces().get("testapp/LeakApp.java:52;" + LEAK).getInt("totalNframe"));
        }
    }

    @Test
    void exceptionsUnwindTheShadowStack() throws Exception {
        for (String profile : new String[] {"false", "true"}) {
            Path f = tmp.resolve("throws-" + profile + ".jfr");
            AgentIT.Run r = run(AgentIT.JAVA17, "output=" + f + ",alloc=3,allocExact=true,quiet=true,profile=" + profile,
                    "throws");
            assertEquals(0, r.exitCode(), r.stderr());
            Snap exit = snapshots(f).get(2);
            String ex = "testapp/LeakApp.java:103;testapp/LeakApp.java:103;testapp/LeakApp.java:101";
            assertEquals(3, exit.allocated(ex), profile);
            assertEquals(6, exit.traces().get(ex).getInt("totalNframe"), profile); // main, afterCatch, thrower x4
            String after = "testapp/LeakApp.java:93;testapp/LeakApp.java:112";
            assertEquals(3, exit.allocated(after), profile + " " + exit.traces().keySet());
            assertEquals(2, exit.traces().get(after).getInt("totalNframe"), profile);
        }
    }

    @Test
    void worksOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(AgentIT.JAVA25)), "no JDK 25");
        Path f = tmp.resolve("jdk25.jfr");
        AgentIT.Run r = run(AgentIT.JAVA25, "output=" + f + ",alloc=3,allocExact=true,builtins=true,quiet=true", "exit");
        assertEquals(7, r.exitCode(), r.stderr());
        Snap exit = snapshots(f).get(2);
        assertEquals("exit", exit.label());
        assertEquals(1000, exit.count("testapp/LeakApp.java:48;" + LEAK));
        assertEquals(1, exit.allocated("testapp/LeakApp.java:40;testapp/LeakApp.java:36;testapp/LeakApp.java:32"));
    }

    @Test
    void periodicSnapshotsSurviveSigkillInTheRepository() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        Path f = tmp.resolve("killed.jfr");
        Process p = new ProcessBuilder(AgentIT.JAVA17, "-XX:FlightRecorderOptions:repository=" + repo,
                "-javaagent:" + AgentIT.AGENT + "=output=" + f + ",alloc=1,snapshotInterval=200,quiet=true",
                "-cp", CP, "testapp.LeakApp", "sleep").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("ready")) {
            // skip
        }
        assertNotNull(line);
        Thread.sleep(3000); // several snapshot periods and at least one JFR flush
        p.destroyForcibly(); // SIGKILL
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        Path recovered = tmp.resolve("recovered.jfr");
        int chunks = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(repo, "*_" + p.pid());
             var out = Files.newOutputStream(recovered)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jfr")) {
                    for (Path c : files) {
                        byte[] all = Files.readAllBytes(c);
                        long size;
                        try (RandomAccessFile raf = new RandomAccessFile(c.toFile(), "r")) {
                            raf.seek(8);
                            size = raf.readLong(); // chunk size as of the last flush
                        }
                        if (size > 0 && size <= all.length) {
                            out.write(all, 0, (int) size);
                            chunks++;
                        }
                    }
                }
            }
        }
        assertTrue(chunks > 0, "no flushed chunk in " + repo);
        List<Snap> s = snapshots(recovered);
        List<Snap> intervals = s.stream().filter(x -> x.reason().equals("interval")).toList();
        assertTrue(intervals.size() >= 3, "interval snapshots: " + intervals.size());
        assertFalse(s.stream().anyMatch(x -> x.reason().equals("exit")));
        Snap last = intervals.get(intervals.size() - 1);
        assertEquals("interval", last.label());
        assertEquals(1500, last.allocated(LEAK));
    }

    @Test
    void signalSnapshotsAndRefusedSignals() throws Exception {
        Path f = tmp.resolve("signal.jfr");
        Process p = new ProcessBuilder(AgentIT.JAVA17,
                "-javaagent:" + AgentIT.AGENT + "=output=" + f + ",alloc=1,allocExact=true,snapshotSignal=USR1,quiet=true",
                "-cp", CP, "testapp.LeakApp", "sleep").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("ready")) {
            // skip
        }
        assertNotNull(line);
        assertEquals(0, new ProcessBuilder("kill", "-USR1", Long.toString(p.pid())).start().waitFor());
        Thread.sleep(1500);
        p.destroy(); // SIGTERM: JFR still writes the file, with the exit snapshot
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<Snap> s = snapshots(f);
        assertTrue(s.stream().anyMatch(x -> x.reason().equals("signal") && x.count(LEAK) == 1500), s.toString());
        assertEquals("exit", s.get(s.size() - 1).reason());

        Path g = tmp.resolve("usr2.jfr");
        AgentIT.Run r = run(AgentIT.JAVA17, "output=" + g + ",alloc=1,snapshotSignal=USR2,quiet=true", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().filter(l -> l.contains("snapshotSignal=USR2 refused")).count(), r.stderr());
        assertEquals("exit", snapshots(g).get(2).reason());
    }
}
