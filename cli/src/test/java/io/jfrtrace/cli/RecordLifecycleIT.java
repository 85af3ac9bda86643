package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The program lives and dies with record: signals reach it, record's death ends it, start-up failures are told apart. */
class RecordLifecycleIT {
    static Path classes;

    @TempDir
    Path work;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static List<Path> javas() {
        return Jdks.available();
    }

    static Stream<Arguments> javasAndTerminatingSignals() {
        return javas().stream().flatMap(j -> Stream.of("TERM", "INT", "HUP").map(sig -> Arguments.of(j, sig)));
    }

    static Stream<Arguments> javasAndEarlySignals() {
        return javas().stream().flatMap(j -> Stream.of("TERM", "KILL").map(sig -> Arguments.of(j, sig)));
    }

    static Stream<Arguments> javasAndStartOptions() {
        return javas().stream().flatMap(j -> Stream.of("-XX:+NoSuchOption", "-Xmx1k").map(o -> Arguments.of(j, o)));
    }

    static Path java() {
        return Jdks.current();
    }

    Process recordForever(Path java, String out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("record", "-o", out));
        args.addAll(List.of(extra));
        args.addAll(List.of("-cp", classes.toString(), "com.example.Forever"));
        return JfrTraceRun.start(work, java, args);
    }

    /** The program's JVM: record's only child. */
    static ProcessHandle child(Process record) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> c = record.children().findFirst();
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("record started no JVM");
    }

    /** kill -NAME PID; a negative pid signals that process group. */
    static void signal(long pid, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, "--", Long.toString(pid)).start().waitFor());
    }

    static void assertGoneWithin(ProcessHandle p, long millis) throws Exception {
        try {
            p.onExit().get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("pid " + p.pid() + " still runs " + millis + " ms later", e);
        }
    }

    JfrTraceRun stats(Path java, String file, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("stats", file));
        args.addAll(List.of(more));
        return JfrTraceRun.run(work, java, args);
    }

    @ParameterizedTest
    @MethodSource("javas")
    void usr1SentToRecordTakesADumpAndTheProgramGoesOn(Path java) throws Exception {
        Process record = recordForever(java, "usr1.jfr");
        ProcessHandle jvm = child(record);
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        signal(record.pid(), "USR1");
        Thread.sleep(1500);
        assertTrue(record.isAlive() && jvm.isAlive(), "USR1 ended the run");
        signal(record.pid(), "TERM");
        assertTrue(record.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(record, work);
        assertEquals(143, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().startsWith("jfr-trace: started the program's JVM as pid " + jvm.pid() + ", recording to "), rec::toString);
        JfrTraceRun dumps = JfrTraceRun.run(work, java, List.of("dumps", "--reason", "signal", "usr1.jfr"));
        assertEquals(0, dumps.exitCode(), dumps::toString);
        String main = dumps.stdout().substring(dumps.stdout().indexOf("\"main\" (most recent call first):"));
        assertTrue(main.matches("(?s).*File \"com/example/Forever.java\", line \\d+ in Forever.main\n.*"), dumps::toString);
    }

    @ParameterizedTest
    @MethodSource("javasAndTerminatingSignals")
    void aTerminatingSignalSentToRecordStopsTheProgramWithACompleteRecording(Path java, String sig) throws Exception {
        int number = switch (sig) {
            case "HUP" -> 1;
            case "INT" -> 2;
            default -> 15;
        };
        assumeNotIgnoredHere(sig, number);
        Process record = recordForever(java, "stop.jfr");
        ProcessHandle jvm = child(record);
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(1200);
        signal(record.pid(), sig);
        assertStoppedWithACompleteRecording(record, jvm, 128 + number, java, "stop.jfr");
    }

    /**
     * A signal this test's own process ignores (started by nohup, or in the background of a script: SIGHUP, SIGINT) is
     * ignored by record and the program too, as POSIX has every program inherit it: record rightly keeps the default
     * action then, so there is nothing to test here.
     */
    static void assumeNotIgnoredHere(String sig, int number) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                Assumptions.assumeTrue((ignored & (1L << (number - 1))) == 0,
                        "this test runs with SIG" + sig + " ignored (nohup, or a script's background job)");
            }
        }
    }

    /** record ends with {@code status}, the JVM with it, and JFR itself completed the recording (no recovery). */
    void assertStoppedWithACompleteRecording(Process record, ProcessHandle jvm, int status, Path java, String file)
            throws Exception {
        assertTrue(record.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(record, work);
        assertEquals(status, rec.exitCode(), rec::toString);
        assertFalse(jvm.isAlive());
        assertTrue(rec.stderr().contains("jfr-trace: wrote "), rec::toString);
        assertProfilesTheLoop(java, file);
    }

    /** The recording is readable and holds the program's work until the end. */
    void assertProfilesTheLoop(Path java, String file) throws Exception {
        JfrTraceRun st = stats(java, file, "-r", "tick");
        assertEquals(0, st.exitCode(), st::toString);
        assertTrue(st.stdout().contains("(Forever.tick)"), st::toString);
    }

    /** Ctrl-C in a terminal signals the whole process group: the JVM gets INT directly and again through record. */
    @ParameterizedTest
    @MethodSource("javas")
    void ctrlCToTheProcessGroupEndsTheProgramOnceWithACompleteRecording(Path java) throws Exception {
        Path setsid = Path.of("/usr/bin/setsid");
        Assumptions.assumeTrue(Files.isExecutable(setsid), "no setsid here");
        assumeNotIgnoredHere("INT", 2);
        Process record = new ProcessBuilder(setsid.toString(), java.toString(), "-jar", JfrTraceRun.JAR.toString(), "record",
                "-o", "ctrl-c.jfr", "-cp", classes.toString(), "com.example.Forever")
                .directory(work.toFile()).redirectOutput(work.resolve(".stdout").toFile())
                .redirectError(work.resolve(".stderr").toFile()).start(); // setsid execs: record leads its own group
        ProcessHandle jvm = child(record);
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(1200);
        signal(-record.pid(), "INT");
        assertStoppedWithACompleteRecording(record, jvm, 130, java, "ctrl-c.jfr");
    }

    @ParameterizedTest
    @MethodSource("javas")
    void whenRecordIsKilledTheProgramEndsWithinASecondAndItsRecordingIsComplete(Path java) throws Exception {
        Process record = recordForever(java, "orphan.jfr");
        ProcessHandle jvm = child(record);
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        Thread.sleep(1500);
        record.destroyForcibly(); // SIGKILL: record can do nothing more
        record.waitFor();
        long killed = System.nanoTime();
        assertGoneWithin(jvm, 10_000);
        // Within a second it notices; the rest is the JVM's own orderly shutdown.
        String err = Files.readString(work.resolve(".stderr"));
        assertTrue(err.contains("jfr-trace agent: jfr-trace record (pid " + record.pid() + ") is gone; ending the program as on SIGTERM"), err);
        assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10));
        assertProfilesTheLoop(java, "orphan.jfr");
    }

    /**
     * A signal while the JVM starts (its process exists, main has not run): a readable recording, or no
     * file and one line saying the program never started; never a file that only looks like a recording.
     */
    @ParameterizedTest
    @MethodSource("javasAndEarlySignals")
    void aSignalWhileTheJvmStartsLeavesAReadableRecordingOrNoFile(Path java, String sig) throws Exception {
        Process record = recordForever(java, "early.jfr");
        ProcessHandle jvm = child(record);
        signal(record.pid(), sig);
        assertTrue(record.waitFor(60, TimeUnit.SECONDS));
        assertGoneWithin(jvm, 10_000);
        JfrTraceRun rec = JfrTraceRun.collect(record, work);
        if (sig.equals("TERM")) { // relayed at once; after a KILL the JVM may start main before it notices (<= 250 ms)
            assertFalse(Files.readString(work.resolve(".stdout")).contains("ready"), "main ran: not a start-up case");
        }
        Path out = work.resolve("early.jfr");
        if (Files.exists(out)) {
            JfrTraceRun st = stats(java, "early.jfr");
            assertTrue(st.exitCode() == 0 || st.exitCode() == 4, st::toString); // readable; 4: no call finished yet
        } else if (sig.equals("TERM")) {
            assertTrue(rec.stderr().contains("the program never started"), rec::toString);
        }
        assertFalse(rec.stderr().contains("Exception"), rec::toString);
    }

    @ParameterizedTest
    @MethodSource("javasAndStartOptions")
    void aJvmThatCannotStartShowsItsOwnMessageAndExits125(Path java, String option) throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-o", "never.jfr", "--", option,
                "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(125, rec.exitCode(), rec::toString);
        // HotSpot prints some of these on stdout, some on stderr: either way the user sees its own words
        assertTrue((rec.stdout() + rec.stderr()).contains(option.equals("-Xmx1k") ? "Too small maximum heap"
                : "Unrecognized VM option 'NoSuchOption'"), rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: the JVM could not start (its message is above); nothing was recorded"), rec::toString);
        assertFalse(rec.stderr().contains("recoverable"), rec::toString);
        assertFalse(Files.exists(work.resolve("never.jfr")));
    }

    @Test
    void anOutputThatCannotBeCreatedIsRefusedBeforeTheProgramStarts() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java(), List.of("record", "-o", "/proc/jfr-trace-test.jfr",
                "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(5, rec.exitCode(), rec::toString);
        assertEquals("", rec.stdout(), rec::toString); // the program never ran
        assertEquals("jfr-trace record: cannot write /proc/jfr-trace-test.jfr: no file can be created in /proc\n", rec.stderr());
    }

    @ParameterizedTest
    @MethodSource("javas")
    void aFullDiskLeavesTheProgramAloneAndExits5WithNoTruncatedFile(Path java) throws Exception {
        Path small = Files.createDirectories(work.resolve("small"));
        Assumptions.assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", small.toString())
                .redirectErrorStream(true).start().waitFor() == 0, "cannot mount a small tmpfs here (needs root)");
        try {
            JfrTraceRun rec = JfrTraceRun.run(work, java, List.of("record", "-o", "small/full.jfr",
                    "-cp", classes.toString(), "com.example.Streams"));
            assertEquals(5, rec.exitCode(), rec::toString);
            assertEquals("7 customers, 7 above 6000\n", rec.stdout(), rec::toString); // the program's output, nothing of the JVM's
            assertTrue(rec.stderr().contains("[error][jfr]"), rec::toString);
            assertTrue(rec.stderr().contains("jfr-trace: could not write " + small.resolve("full.jfr") + ": No space left on device"), rec::toString);
            try (var left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), rec::toString); // nothing readable fit: nothing left
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    @Test
    void quietLeavesOutThePidAndWhereTheRecordingWent() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, java(), List.of("record", "--quiet", "-o", "q.jfr",
                "-cp", classes.toString(), "com.example.Factorial"));
        assertEquals(0, rec.exitCode(), rec::toString);
        assertEquals("", rec.stderr(), rec::toString);
        assertTrue(Files.size(work.resolve("q.jfr")) > 0);
    }
}
