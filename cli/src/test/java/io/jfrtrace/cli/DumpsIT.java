package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.cli.exit.ExitCodes;

/** {@code dump PID} and {@code dumps FILE} with real JVMs running the Deadlock sample. */
class DumpsIT {
    static final Path TEMURIN_25 = Jdks.TEMURIN_25;

    @TempDir
    static Path work;
    static Path classes;
    static final List<Process> started = new ArrayList<>();

    static final String LEFT = """
            "left" (most recent call first):
              File "com/example/Deadlock.java", line 28 in Deadlock.lockBoth
              File "com/example/Deadlock.java", line 35 in Deadlock.lambda$main$0
            """;
    static final String RIGHT = """
            "right" (most recent call first):
              File "com/example/Deadlock.java", line 28 in Deadlock.lockBoth
              File "com/example/Deadlock.java", line 36 in Deadlock.lambda$main$1
            """;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    @AfterAll
    static void stopAll() {
        for (Process p : started) {
            p.destroyForcibly();
        }
    }

    /** Starts the Deadlock sample and waits for its "ready". */
    static Process deadlock(Path javaHome, String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", classes.toString(), "com.example.Deadlock"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.equals("ready")) {
            // JFR's startup messages come first
        }
        assertEquals("ready", line, "Deadlock did not start");
        return p;
    }

    static void assertDumpsDeadlock(String out) {
        assertTrue(Pattern.compile("(?m)^Thread 0x[0-9a-f]{16} " + Pattern.quote(RIGHT.lines().findFirst().get())).matcher(out).find(), out);
        assertTrue(out.contains(RIGHT), out);
        assertTrue(out.contains(LEFT), out);
        assertTrue(out.indexOf("\"right\"") < out.indexOf("\"left\""), "newest thread first:\n" + out);
        assertTrue(out.contains("Thread 0x0000000000000001 \"main\" (most recent call first):\n") // JDK 17: main is #1
                || out.contains("\"main\" (most recent call first):\n"), out);
        assertTrue(out.contains("  File \"com/example/Deadlock.java\", line 42 in Deadlock.main\n"), out);
        assertTrue(out.chars().allMatch(c -> c < 0x80), "ASCII only");
    }

    @Test
    void dumpOfARunningJvm() throws Exception {
        Process p = deadlock(Paths.get(System.getProperty("java.home")));
        JfrTraceRun run = JfrTraceRun.run(work, "dump", Long.toString(p.pid()));
        assertEquals(0, run.exitCode(), run::toString);
        assertDumpsDeadlock(run.stdout());
        assertTrue(run.stdout().startsWith("Thread 0x"), "no header: " + run);
        assertTrue(p.isAlive(), "the JVM keeps running");
        p.destroyForcibly();
    }

    @Test
    void dumpOfAJdk25Jvm() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(TEMURIN_25.resolve("bin/java")), "no Temurin 25");
        Process p = deadlock(TEMURIN_25);
        JfrTraceRun run = JfrTraceRun.run(work, "dump", Long.toString(p.pid()));
        assertEquals(0, run.exitCode(), run::toString);
        assertDumpsDeadlock(run.stdout());
        p.destroyForcibly();
    }

    @Test
    void dumpOfADeadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dump", Long.toString(p.pid())), ExitCodes.NOT_ATTACHABLE,
                "no process " + p.pid());
    }

    @Test
    void dumpOfAProcessThatIsNotAJvmLeavesItAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        started.add(sleep);
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dump", Long.toString(sleep.pid())), ExitCodes.NOT_ATTACHABLE,
                "not a JVM");
        assertTrue(sleep.isAlive(), "not killed by a SIGQUIT");
        sleep.destroyForcibly();
    }

    @Test
    void dumpsOfAStockRecordingWithJdkThreadDumps() throws Exception {
        Path jfc = work.resolve("threaddump.jfc");
        Files.writeString(jfc, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="thread dumps">
                  <event name="jdk.ThreadDump"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
                </configuration>
                """);
        Path file = work.resolve("stock.jfr");
        Process p = deadlock(Paths.get(System.getProperty("java.home")),
                "-XX:StartFlightRecording:settings=" + jfc + ",filename=" + file + ",dumponexit=true");
        Thread.sleep(2600);
        p.destroy(); // SIGTERM: shutdown hooks run, JFR writes the file
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.size(file) > 0);

        JfrTraceRun all = JfrTraceRun.run(work, "dumps", file.toString());
        assertEquals(0, all.exitCode(), all::toString);
        assertEquals(1, all.stderr().lines().count(), all::toString);
        assertTrue(all.stderr().contains("no jfr-trace thread dumps; showing the JVM's own"), all::toString);
        assertDumpsDeadlock(all.stdout());
        long dumps = all.stdout().lines().filter(l -> l.startsWith("Thread 0x") && l.contains("\"left\"")).count();
        assertTrue(dumps >= 2, all::toString);
        assertTrue(all.stdout().contains("  File \"com/example/Deadlock.java\", line 42 in Deadlock.main\n\nThread 0x"),
                "one empty line between dumps:\n" + all);

        JfrTraceRun last = JfrTraceRun.run(work, "dumps", file.toString(), "--last", "--thread", "l?f*");
        assertEquals(0, last.exitCode(), last::toString);
        assertTrue(last.stdout().matches("(?s)Thread 0x[0-9a-f]{16} " + Pattern.quote(LEFT) + ".*"), last::toString);
        assertEquals(1, last.stdout().lines().filter(l -> l.startsWith("Thread ")).count(), last::toString);

        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dumps", file.toString(), "--reason", "bogus"),
                ExitCodes.USAGE, "bogus");
        JfrTraceRun none = JfrTraceRun.run(work, "dumps", file.toString(), "--reason", "timeout");
        assertEquals(ExitCodes.NO_DATA, none.exitCode(), none::toString);
        assertTrue(none.stderr().contains("no thread dump matches --reason timeout"), none::toString);
    }

    @Test
    void dumpsOfBadInput() throws Exception {
        Files.writeString(work.resolve("notes.txt"), "not a recording\n");
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dumps", "notes.txt"), ExitCodes.BAD_INPUT, "not a JFR recording");
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dumps", "missing.jfr"), ExitCodes.BAD_INPUT, "no such file");
    }

    @Test
    void dumpsOfARecordingWithoutDumps() throws Exception {
        // (jfr-trace record's default settings include jdk.ThreadDump at every chunk: record with none here)
        Path jfc = work.resolve("nothing.jfc");
        Files.writeString(jfc, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="nothing">
                  <event name="jdk.JavaMonitorEnter"><setting name="enabled">true</setting></event>
                </configuration>
                """);
        Process java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:settings=" + jfc + ",filename=plain.jfr", "-cp", classes.toString(),
                "com.example.Factorial").directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, java.waitFor());
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "dumps", "plain.jfr"), ExitCodes.NO_DATA, "no thread dumps");
    }

    @Test
    void dumpsOfAnEmergencyDumpAfterANativeCrash() throws Exception {
        Path dir = Files.createDirectories(work.resolve("crash"));
        Path src = Files.createDirectories(dir.resolve("src/crash")).resolve("Crash.java");
        Files.writeString(src, """
                package crash;

                public class Crash {
                    static void boom() throws Exception {
                        java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                        f.setAccessible(true);
                        ((sun.misc.Unsafe) f.get(null)).putAddress(0L, 42L);
                    }

                    public static void main(String[] args) throws Exception {
                        boom();
                    }
                }
                """);
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-nowarn", "-d", dir.toString(), src.toString()));
        Process java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=crash.jfr", "-XX:-CreateCoredumpOnCrash", "-cp", dir.toString(),
                "crash.Crash").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(120, TimeUnit.SECONDS));
        Path emergency = dir.resolve("hs_err_pid" + java.pid() + ".jfr");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(emergency), "the JVM wrote no emergency dump");
        JfrTraceRun run = JfrTraceRun.run(dir, "dumps", emergency.toString(), "--reason", "fatal");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("Fatal JVM error: VM Error\n\nCurrent thread 0x0000000000000001 \"main\" "
                + "(most recent call first):\n"), run::toString);
        // HotSpot's emergency dump does not always manage to walk the crashing thread (seen on JDK 17):
        // then there is no frame to print, which 'record' makes up for from hs_err (FaultHandlerIT).
        org.junit.jupiter.api.Assumptions.assumeFalse(run.stdout().contains("  <no Java frame>\n"),
                "this JVM's emergency dump holds no stack for the crashing thread");
        assertTrue(run.stdout().endsWith("""
                  File "crash/Crash.java", line 7 in Crash.boom
                  File "crash/Crash.java", line 11 in Crash.main
                """), run::toString);
    }
}
