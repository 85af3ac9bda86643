package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.cli.exit.ExitCodes;

/** Bad input gets one clear line on stderr and a documented exit code, never a stack trace. */
class BadInputIT {
    @TempDir
    static Path work;
    static Path classes;
    static Path good;

    @BeforeAll
    static void setUp() throws Exception {
        classes = SamplePrograms.compiled();
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-o", "good.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        good = work.resolve("good.jfr");
    }

    static void assertOneLineError(JfrTraceRun run, int exitCode, String... fragments) {
        assertEquals(exitCode, run.exitCode(), run::toString);
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr:\n" + run);
        assertTrue(lines.get(0).startsWith("jfr-trace "), run::toString);
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), () -> "missing '" + f + "' in\n" + run);
        }
        assertFalse(run.stderr().contains("Exception"), run::toString);
        assertEquals("", run.stdout(), run::toString);
    }

    @Test
    void aMissingMainClassIsNamed() throws Exception {
        JfrTraceRun run = JfrTraceRun.run(work, "record", "-o", "x.jfr", "-cp", classes.toString(), "com.example.Nope");
        assertOneLineError(run, ExitCodes.USAGE, "main class com.example.Nope not found");
        assertFalse(Files.exists(work.resolve("x.jfr")));
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        assertOneLineError(JfrTraceRun.run(work, "record", "-jar", "nope.jar"), ExitCodes.USAGE, "jar file nope.jar not found");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTheProgramRuns() throws Exception {
        JfrTraceRun run = JfrTraceRun.run(work, "record", "-o", "/nonexistent-dir/x.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertOneLineError(run, ExitCodes.CANNOT_WRITE, "/nonexistent-dir/x.jfr", "does not exist");
    }

    @Test
    void allocFramesOutsideTracemallocsRangeAreRefusedInItsWords() throws Exception {
        for (String frames : List.of("65536", "0")) {
            JfrTraceRun run = JfrTraceRun.run(work, "record", "--alloc=" + frames, "-o", "frames.jfr", "-cp", classes.toString(),
                    "com.example.Factorial");
            assertOneLineError(run, ExitCodes.USAGE, "jfr-trace record: --alloc=" + frames
                    + ": the number of frames must be in range [1; 65535]");
            assertFalse(Files.exists(work.resolve("frames.jfr")));
        }
    }

    @Test
    void anEmptyFileIsNotARecording() throws Exception {
        Files.createFile(work.resolve("empty.jfr"));
        assertOneLineError(JfrTraceRun.run(work, "stats", "empty.jfr"), ExitCodes.BAD_INPUT, "empty.jfr", "empty file");
    }

    @Test
    void aForeignFileIsNotARecording() throws Exception {
        Files.writeString(work.resolve("notes.txt"), "hello, this is not a flight recording\n");
        assertOneLineError(JfrTraceRun.run(work, "stats", "notes.txt"), ExitCodes.BAD_INPUT, "notes.txt", "not a JFR recording");
    }

    @Test
    void aTruncatedRecordingIsReportedAsTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Files.write(work.resolve("cut.jfr"), Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(JfrTraceRun.run(work, "stats", "cut.jfr"), ExitCodes.BAD_INPUT, "cut.jfr", "truncated recording");
    }

    @Test
    void aCorruptStringInsideAChunkIsBadInputNamingTheChunksBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        // A class name symbol of the JDK's that the recording holds as a UTF-8 string (which ones a short run's
        // events name varies: a thread stack, an allocated class); the program's own classes appear in stock events
        // only when a sample happened to land in them.
        int at = -1;
        for (String symbol : List.of("java/lang/Thread", "java/lang/Object", "java/lang/String", "java/lang/Class")) {
            at = indexOf(bytes, symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (at >= 0) {
                break;
            }
        }
        assertTrue(at >= 0, "none of the JDK's class names as a UTF-8 string in " + good);
        assertEquals(3, bytes[at - 2], "a UTF-8 string: encoding 3, its length, its text");
        bytes[at - 2] ^= 0x40; // an encoding that does not exist
        Files.write(work.resolve("flipped.jfr"), bytes);
        for (String command : List.of("stats", "alloc", "dumps")) {
            assertOneLineError(JfrTraceRun.run(work, command, "flipped.jfr"), ExitCodes.BAD_INPUT, "flipped.jfr",
                    "corrupt recording", "(chunk 1, bytes 0-" + (bytes.length - 1) + ")");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 2; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (haystack[i - 1] == needle.length && haystack[i - 2] == 3) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        assertOneLineError(JfrTraceRun.run(work, "stats", "absent.jfr"), ExitCodes.BAD_INPUT, "absent.jfr", "no such file");
    }

    @Test
    void aStockRecordingWithoutOurEventsSaysSo() throws Exception {
        Process p = new ProcessBuilder(JfrTraceRun.javaOf(System.getProperty("java.home")).toString(),
                "-XX:StartFlightRecording=filename=" + work.resolve("stock.jfr"), "-cp", classes.toString(), "com.example.Factorial")
                .redirectErrorStream(true).redirectOutput(work.resolve("stock.log").toFile()).start();
        assertEquals(0, p.waitFor());
        // the call profile asked for: one line, no data
        assertOneLineError(JfrTraceRun.run(work, "stats", "--profile", "calls", "stock.jfr"), ExitCodes.NO_DATA,
                "stock.jfr", "no jfr-trace call-profile events");
        // nothing asked for: its CPU samples, and the first line on stderr says that it has no call events
        // (a run this short may hold no sample at all: then one line says that there is neither)
        JfrTraceRun cpu = JfrTraceRun.run(work, "stats", "stock.jfr");
        if (cpu.exitCode() == ExitCodes.NO_DATA) {
            assertOneLineError(cpu, ExitCodes.NO_DATA, "stock.jfr",
                    "no jfr-trace call-profile events and no jdk.ExecutionSample events");
        } else {
            assertEquals(ExitCodes.OK, cpu.exitCode(), cpu::toString);
            assertTrue(cpu.stderr().startsWith("jfr-trace stats: stock.jfr has no jfr-trace call events: showing its "
                    + "CPU samples"), cpu::toString);
            assertTrue(cpu.stdout().contains(" samples (jdk.ExecutionSample, 20 ms) in "), cpu::toString);
        }
    }
}
