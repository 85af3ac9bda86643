package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.cli.exit.ExitCodes;

/**
 * {@code attach PID}: a running service (com.example.service.CountingService, which serves on request) is profiled
 * for a window; the profile holds exactly the calls served in it, and afterwards the service runs its own bytecode.
 */
class AttachIT {
    static final String SERVE = "com/example/service/CountingService.java:28(CountingService.serve)";
    static final String REQUEST = "com/example/service/CountingService.java:34(CountingService.request)";
    static final String HANDLE = "com/example/service/CountingService.java:38(CountingService.handle)";
    static final String AUDIT = "com/example/service/CountingService.java:42(CountingService.audit)";

    @TempDir
    static Path work;
    static Path classes;
    static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @AfterAll
    static void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** The service, running and listening; {@link #serve} asks it for requests. */
    record Service(Process process, PrintWriter in, BufferedReader out) {
        static Service start(Path java, String... jvmArgs) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(java.toString()));
            cmd.addAll(List.of(jvmArgs));
            cmd.addAll(List.of("-cp", classes.toString(), "com.example.service.CountingService"));
            Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            started.add(p);
            Service s = new Service(p, new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            assertEquals("ready", s.out.readLine(), "the service did not start");
            return s;
        }

        /** Serves n requests and waits until they are done. */
        void serve(int n) throws IOException {
            in.println(n);
            assertEquals("served " + n, out.readLine());
        }

        long pid() {
            return process.pid();
        }
    }

    static List<Path> jdks() {
        return Jdks.available();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void aWindowOfARunningServiceHoldsExactlyItsCallsAndTheServiceRunsItsOwnCodeAfterwards(Path java) throws Exception {
        Service service = Service.start(java);
        service.serve(500); // before the window: not in the profile
        Path dir = Files.createDirectories(work.resolve("window-" + service.pid()));
        Process attach = JfrTraceRun.start(dir, Jdks.current(),
                List.of("attach", "--duration", "5s", "-o", "window.jfr", Long.toString(service.pid())));
        started.add(attach);
        waitForStderr(dir, "recording process " + service.pid(), attach);
        service.serve(1234);
        assertTrue(attach.waitFor(60, TimeUnit.SECONDS), "attach --duration 5s did not end");
        JfrTraceRun run = JfrTraceRun.collect(attach, dir);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("jfr-trace attach: 1 class of process " + service.pid() + " restored; wrote "
                + dir.resolve("window.jfr")), run::toString);
        assertServed1234(JfrTraceRun.run(dir, "stats", "window.jfr"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("window.jfr"))),
                "owner-only recording");

        // After the window the service runs its own bytecode: the calls it serves now reach no profiler, so a
        // second window (start, then --stop) holds its own calls only, not these.
        service.serve(999);
        JfrTraceRun start = JfrTraceRun.run(dir, "attach", "-o", "second.jfr", Long.toString(service.pid()));
        assertEquals(0, start.exitCode(), start::toString);
        service.serve(77);
        JfrTraceRun stop = JfrTraceRun.run(dir, "attach", "--stop", Long.toString(service.pid()));
        assertEquals(0, stop.exitCode(), stop::toString);
        JfrTraceRun second = JfrTraceRun.run(dir, "stats", "second.jfr");
        CallProfileEndToEndIT.assertRow(second, "77", REQUEST);
        CallProfileEndToEndIT.assertRow(second, "8", AUDIT);
        assertTrue(second.stdout().contains("163 function calls in"), second::toString);

        service.serve(10); // still serving
        assertTrue(service.process().isAlive());
        service.in().close();
        assertEquals(0, service.process().waitFor(), "the service ends normally");
    }

    static Stream<Arguments> modes() {
        List<Arguments> all = new ArrayList<>();
        for (Path java : Jdks.available()) {
            for (List<String> mode : List.of(List.of("--timer", "count"), List.of("--timer", "cpu"), List.of("--call-tree"))) {
                all.add(Arguments.of(java, mode));
            }
        }
        return all.stream();
    }

    /**
     * The profiling modes of {@code record} work through attach too: a window (attach, then {@code --stop}) holds
     * exactly the calls served in it, and with {@code --call-tree} exactly the paths they took.
     */
    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("modes")
    void everyProfilingModeCountsTheWindowExactly(Path java, List<String> mode) throws Exception {
        Service service = Service.start(java);
        service.serve(300); // before the window
        Path dir = Files.createDirectories(work.resolve("mode-" + service.pid()));
        List<String> start = new ArrayList<>(List.of("attach"));
        start.addAll(mode);
        start.addAll(List.of("-o", "mode.jfr", Long.toString(service.pid())));
        JfrTraceRun started = JfrTraceRun.run(dir, Jdks.current(), start);
        assertEquals(0, started.exitCode(), started::toString);
        service.serve(1234);
        JfrTraceRun stop = JfrTraceRun.run(dir, "attach", "--stop", Long.toString(service.pid()));
        assertEquals(0, stop.exitCode(), stop::toString);
        service.serve(10); // after the window: its own bytecode again

        assertServed1234(JfrTraceRun.run(dir, "stats", "mode.jfr"));
        if (mode.get(0).equals("--timer")) {
            assertEquals(mode.get(1), TimerModesIT.info(dir.resolve("mode.jfr"), "timerMode"));
        } else {
            String s = "com/example/service/CountingService.";
            JfrTraceRun paths = JfrTraceRun.run(dir, "stats", "--format", "collapsed", "--weight", "calls", "mode.jfr");
            assertEquals(0, paths.exitCode(), paths::toString);
            assertEquals(List.of(s + "serve 1", s + "serve;" + s + "request 1234",
                    s + "serve;" + s + "request;" + s + "audit 124", s + "serve;" + s + "request;" + s + "handle 1234"),
                    paths.lines().stream().sorted().toList(), paths::toString);
        }
        service.in().close();
        assertEquals(0, service.process().waitFor(), "the service ends normally");
    }

    /** The profile of a window in which the service served 1234 requests: exactly their calls. */
    private static void assertServed1234(JfrTraceRun stats) {
        assertEquals(0, stats.exitCode(), stats::toString);
        CallProfileEndToEndIT.assertRow(stats, "1", SERVE);
        CallProfileEndToEndIT.assertRow(stats, "1234", REQUEST);
        CallProfileEndToEndIT.assertRow(stats, "1234", HANDLE);
        CallProfileEndToEndIT.assertRow(stats, "124", AUDIT);
        assertTrue(stats.stdout().contains("2593 function calls in"), stats::toString);
    }

    /** {@code attach --duration 120s -o OUT PID}, running in {@code dir}, once it says the recording runs. */
    private Process recordingLong(Service service, Path dir, String out) throws Exception {
        Process attach = JfrTraceRun.start(dir, Jdks.current(),
                List.of("attach", "--duration", "120s", "-o", out, Long.toString(service.pid())));
        started.add(attach);
        waitForStderr(dir, "recording process " + service.pid(), attach);
        return attach;
    }

    @Test
    void aServiceThatEndsDuringTheWindowLeavesAWholeRecording() throws Exception {
        Service service = Service.start(Jdks.current());
        Path dir = Files.createDirectories(work.resolve("ends-" + service.pid()));
        Process attach = recordingLong(service, dir, "ends.jfr");
        service.serve(42);
        service.in().close();
        assertEquals(0, service.process().waitFor());
        assertTrue(attach.waitFor(60, TimeUnit.SECONDS), "attach did not notice the end of the service");
        JfrTraceRun run = JfrTraceRun.collect(attach, dir);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("process " + service.pid() + " ended during the recording; its JVM wrote "
                + dir.resolve("ends.jfr")), run::toString);
        JfrTraceRun stats = JfrTraceRun.run(dir, "stats", "ends.jfr");
        CallProfileEndToEndIT.assertRow(stats, "42", REQUEST);
        CallProfileEndToEndIT.assertRow(stats, "5", AUDIT);
        assertTrue(stats.stdout().contains("90 function calls in"), stats::toString);
    }

    @Test
    void attachEndedByASignalStillRestoresTheServiceAndEndsTheRecording() throws Exception {
        Service service = Service.start(Jdks.current());
        Path dir = Files.createDirectories(work.resolve("term-" + service.pid()));
        Process attach = recordingLong(service, dir, "term.jfr");
        service.serve(321);
        attach.destroy(); // SIGTERM, as Ctrl-C would be
        assertTrue(attach.waitFor(60, TimeUnit.SECONDS), "attach did not end on SIGTERM");
        JfrTraceRun run = JfrTraceRun.collect(attach, dir);
        assertTrue(run.stderr().contains("1 class of process " + service.pid() + " restored; wrote " + dir.resolve("term.jfr")),
                run::toString);
        JfrTraceRun stats = JfrTraceRun.run(dir, "stats", "term.jfr");
        CallProfileEndToEndIT.assertRow(stats, "321", REQUEST);
        service.serve(5);
        BadInputIT.assertOneLineError(JfrTraceRun.run(dir, "attach", "--stop", Long.toString(service.pid())),
                ExitCodes.NOT_ATTACHABLE, "no jfr-trace attach recording is running");
        service.process().destroyForcibly();
    }

    @Test
    void stopWithoutARecordingSaysSo() throws Exception {
        Service service = Service.start(Jdks.current());
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "attach", "--stop", Long.toString(service.pid())),
                ExitCodes.NOT_ATTACHABLE, "no jfr-trace attach recording is running");
        service.serve(3);
        service.process().destroyForcibly();
    }

    @Test
    void aProcessThatIsGone() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "attach", "--duration", "1s", Long.toString(p.pid())),
                ExitCodes.NOT_ATTACHABLE, "no process " + p.pid());
    }

    @Test
    void aProcessThatIsNotAJvmIsLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        started.add(sleep);
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "attach", "--duration", "1s", Long.toString(sleep.pid())),
                ExitCodes.NOT_ATTACHABLE, "not a JVM");
        assertTrue(sleep.isAlive(), "not killed by a SIGQUIT");
        sleep.destroyForcibly();
    }

    @Test
    void aJvmThatRefusesAttach() throws Exception {
        Service service = Service.start(Jdks.current(), "-XX:+DisableAttachMechanism");
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "attach", "--duration", "1s", Long.toString(service.pid())),
                ExitCodes.NOT_ATTACHABLE, "cannot attach to process " + service.pid());
        service.serve(3); // unharmed
        service.process().destroyForcibly();
    }

    /** Waits until the running jfr-trace has printed {@code text} on stderr. */
    private static void waitForStderr(Path dir, String text, Process p) throws Exception {
        Path err = dir.resolve(".stderr");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(err) && Files.readString(err).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("jfr-trace ended before '" + text + "':\n" + JfrTraceRun.collect(p, dir));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' from jfr-trace in 60 s");
    }
}
