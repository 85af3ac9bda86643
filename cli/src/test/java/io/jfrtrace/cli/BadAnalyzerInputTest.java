package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jfrtrace.cli.BadInputs.Expect;
import io.jfrtrace.cli.BadInputs.Input;
import io.jfrtrace.cli.exit.ExitCodes;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;

/**
 * The bad-input sweep: every analyzer command over truncated, bit-flipped and foreign inputs made from the shipped
 * sample recordings answers with the documented exit code and, if it fails, exactly one line on stderr that names
 * the file, never a stack trace. Runs the CLI in this JVM ({@link InProcessRun}); BadInputIT runs the jar on a few.
 */
class BadAnalyzerInputTest {
    static final Path SAMPLES = Paths.get(System.getProperty("jfrtrace.samples", "../sample-recordings"))
            .toAbsolutePath().normalize();
    static final List<String> COMMANDS = List.of("stats", "alloc", "compare", "dumps");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at \\S");
    private static final Pattern AT_BYTE = Pattern.compile("bytes? \\d+");

    @TempDir
    static Path work;
    static final List<Input> INPUTS = new ArrayList<>();
    static final Map<Path, RecordingContents> CONTENTS = new ConcurrentHashMap<>();
    static final Set<String> CLEAN = ConcurrentHashMap.newKeySet();
    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Name("jfrtrace.test.Unrelated")
    static final class Unrelated extends Event {
        int n;
    }

    @BeforeAll
    static void makeInputs() throws Exception {
        List<Path> goods = new ArrayList<>();
        try (Stream<Path> s = Files.list(SAMPLES)) {
            s.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(goods::add);
        }
        assertTrue(goods.size() >= 7, "sample recordings in " + SAMPLES + ": " + goods);
        // Three shipped recordings back to back: a cut between two chunks leaves complete, readable chunks.
        Path joined = work.resolve("Deadlock+Factorial+Leak.jfr");
        Files.write(joined, concat(SAMPLES.resolve("Deadlock.jfr"), SAMPLES.resolve("Factorial.jfr"), SAMPLES.resolve("Leak.jfr")));
        goods.add(joined);
        Path inputs = Files.createDirectories(work.resolve("inputs"));
        long seed = 20261206;
        for (Path good : goods) {
            INPUTS.addAll(BadInputs.truncations(good, inputs));
            INPUTS.addAll(BadInputs.stringFlips(good, inputs, seed++));
            INPUTS.addAll(BadInputs.randomFlips(good, inputs, seed++));
        }
        INPUTS.addAll(BadInputs.headerFlips(SAMPLES.resolve("Factorial.jfr"), inputs));
        Path pstats = work.resolve("factorial.pstats");
        InProcessRun dump = InProcessRun.run("stats", SAMPLES.resolve("Factorial.jfr").toString(), "--dump", pstats.toString());
        assertEquals(0, dump.exitCode(), dump::toString);
        INPUTS.addAll(BadInputs.foreign(inputs, pstats, recordUnrelated(work.resolve("unrelated-events.jfr"))));
        INPUTS.addAll(BadInputs.pstats(pstats, inputs, seed));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String command : COMMANDS) {
            for (Input input : INPUTS) {
                out.add(Arguments.of(command, input));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void answersWithTheDocumentedCodeAndOneLineNamingTheFile(String command, Input input) throws Exception {
        if (input.name().equals("unreadable.jfr")) {
            assumeFalse(Files.isReadable(input.file()), "running as root: permissions do not stop reading");
        }
        String file = input.file().toString();
        String key = command + " " + input.name();
        RAN.add(key);
        InProcessRun run = command.equals("compare") ? InProcessRun.run(command, file, file) : InProcessRun.run(command, file);

        assertFalse(STACK_FRAME.matcher(run.stderr()).find(), () -> "a stack trace:\n" + run);
        // (the file's own name may hold the word: Exceptions.jfr)
        assertFalse(run.stderr().replace(file, "FILE").contains("Exception"), () -> "a Java exception named:\n" + run);
        List<String> lines = run.stderr().lines().toList();
        switch (input.expect()) {
            case BAD_INPUT -> assertFailure(run, lines, file, ExitCodes.BAD_INPUT);
            case CORRUPT_AT_BYTE -> {
                assertFailure(run, lines, file, ExitCodes.BAD_INPUT);
                assertTrue(AT_BYTE.matcher(lines.get(0)).find(), () -> "no byte offset named:\n" + run);
            }
            case AS_ITS_CONTENTS -> assertAsContents(run, lines, file, contents(input.file()).exitCodeOf(command));
            case PSTATS_READABLE_OR_BAD -> {
                // stats reads a .pstats file, and so does compare (its call profiles)
                if ((command.equals("stats") || command.equals("compare")) && run.exitCode() == ExitCodes.OK) {
                    assertEquals("", run.stderr(), run::toString);
                } else {
                    assertFailure(run, lines, file, ExitCodes.BAD_INPUT);
                }
            }
            case READABLE_OR_CORRUPT -> {
                if (run.exitCode() == ExitCodes.BAD_INPUT) {
                    assertFailure(run, lines, file, ExitCodes.BAD_INPUT);
                    assertTrue(AT_BYTE.matcher(lines.get(0)).find(), () -> "no byte offset named:\n" + run);
                } else {
                    assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.NO_DATA, run::toString);
                    assertAsContents(run, lines, file, run.exitCode());
                }
            }
        }
        CLEAN.add(key);
    }

    /** A failure: the code, one line on stderr that starts with the command and names the file, nothing on stdout. */
    private static void assertFailure(InProcessRun run, List<String> lines, String file, int code) {
        assertEquals(code, run.exitCode(), run::toString);
        assertEquals(1, lines.size(), () -> "not one line on stderr:\n" + run);
        assertTrue(lines.get(0).startsWith("jfr-trace "), run::toString);
        assertTrue(lines.get(0).contains(file), () -> "the file is not named:\n" + run);
        assertEquals("", run.stdout(), run::toString);
    }

    /** 0 with at most dumps' one note on stderr (naming the file), or 4 with one line naming the file. */
    private static void assertAsContents(InProcessRun run, List<String> lines, String file, int code) {
        if (code == ExitCodes.NO_DATA) {
            assertFailure(run, lines, file, ExitCodes.NO_DATA);
            return;
        }
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(lines.size() <= 1, () -> "more than one line on stderr:\n" + run);
        lines.forEach(l -> assertTrue(l.contains(file), () -> "the file is not named:\n" + run));
    }

    @AfterAll
    static void summary() {
        System.out.println("bad analyzer inputs: " + CLEAN.size() + " of " + RAN.size()
                + " (command, input) pairs got the documented code and one clean line (" + INPUTS.size() + " inputs x "
                + COMMANDS.size() + " commands)");
    }

    private static RecordingContents contents(Path file) {
        return CONTENTS.computeIfAbsent(file, f -> {
            try {
                return RecordingContents.of(f);
            } catch (IOException e) {
                throw new AssertionError("the JDK cannot read " + f + " either: " + e);
            }
        });
    }

    private static byte[] concat(Path... files) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        int length = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            parts.add(b);
            length += b.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }

    /** A well-formed recording holding only an event no command reads. */
    private static Path recordUnrelated(Path file) throws IOException {
        try (Recording r = new Recording()) {
            r.enable(Unrelated.class);
            r.start();
            for (int i = 0; i < 10; i++) {
                Unrelated e = new Unrelated();
                e.n = i;
                e.commit();
            }
            r.stop();
            r.dump(file);
        }
        return file;
    }
}
