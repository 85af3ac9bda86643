package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.jfrtrace.cli.exit.ExitCodes;

/** {@code -o FILE}: the report that stdout would get, in a file of the user's alone; a bad destination is one line. */
class ReportDestinationTest {
    static final String FACTORIAL = OptionErrorsTest.FACTORIAL;
    static final String LEAK = OptionErrorsTest.LEAK;
    static final String DEADLOCK = OptionErrorsTest.DEADLOCK;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stats $F",
            "stats $F --callees --format csv",
            "alloc $L --traceback",
            "alloc $L --csv",
            "alloc $L --list --format csv",
            "compare $L#before $L#after",
            "dumps $D --format csv",
            "dumps $D --last",
    })
    void theFileHoldsWhatStdoutGetsAndOnlyItsOwnerMayReadIt(String commandLine) throws Exception {
        String[] args = args(commandLine);
        CommandLineRun toStdout = CommandLineRun.run(args);
        assertEquals(ExitCodes.OK, toStdout.exitCode(), toStdout::toString);
        assertFalse(toStdout.stdout().isEmpty());

        Path report = work.resolve("report.out");
        Files.writeString(report, "an older file, readable by everyone: replaced, not reused");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-rw-"));
        CommandLineRun toFile = CommandLineRun.run(concat(args, "-o", report.toString()));
        assertEquals(ExitCodes.OK, toFile.exitCode(), toFile::toString);
        assertEquals("", toFile.stdout(), toFile::toString);
        assertEquals(toStdout.stderr(), toFile.stderr());
        assertEquals(toStdout.stdout(), Files.readString(report, StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aDestinationThatCannotBeWrittenIsOneLineAndExit5BeforeAnythingIsRead() {
        String missingDir = work.resolve("no/such/dir/report.txt").toString();
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("stats", FACTORIAL, "-o", missingDir), ExitCodes.CANNOT_WRITE,
                "jfr-trace stats: cannot write " + missingDir + ": directory " + work.resolve("no/such/dir") + " does not exist");
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("dumps", DEADLOCK, "-o", work.toString()), ExitCodes.CANNOT_WRITE,
                "jfr-trace dumps: cannot write " + work + ": it is a directory");
        // checked before the recording is read: the bad destination is named, not the missing input
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("alloc", work.resolve("absent.jfr").toString(), "-o", missingDir),
                ExitCodes.CANNOT_WRITE, "cannot write " + missingDir);
    }

    @Test
    void anInputIsNeverOverwrittenByItsReport() throws Exception {
        Path recording = work.resolve("Factorial.jfr");
        Files.copy(Path.of(FACTORIAL), recording);
        byte[] before = Files.readAllBytes(recording);
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("stats", recording.toString(), "-o",
                work.resolve("./Factorial.jfr").toString()), ExitCodes.USAGE, "is an input of this command");
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("compare", LEAK + "#before", recording + "#x", "-o",
                recording.toString()), ExitCodes.USAGE, "is an input of this command");
        assertArrayEquals(before, Files.readAllBytes(recording));
    }

    @Test
    void noFileIsLeftWhenTheReportFails() {
        Path report = work.resolve("report.txt");
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("stats", work.resolve("absent.jfr").toString(), "-o",
                report.toString()), ExitCodes.BAD_INPUT, "absent.jfr", "no such file");
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("dumps", DEADLOCK, "--reason", "fatal", "-o", report.toString()),
                ExitCodes.NO_DATA, "no thread dump matches --reason fatal");
        assertFalse(Files.exists(report));
    }

    @Test
    void everyAnalysisExitCodeInThisJvm() {
        assertEquals(ExitCodes.OK, CommandLineRun.run("stats", FACTORIAL).exitCode());
        assertEquals(ExitCodes.USAGE, CommandLineRun.run("stats", FACTORIAL, "--sort", "speed").exitCode());
        assertEquals(ExitCodes.BAD_INPUT, CommandLineRun.run("dumps", work.resolve("absent.jfr").toString()).exitCode());
        CommandLineRun noData = CommandLineRun.run("dumps", DEADLOCK, "--reason", "fatal");
        OptionErrorsTest.assertOneLineError(noData, ExitCodes.NO_DATA, "no thread dump matches --reason fatal");
        assertEquals(ExitCodes.CANNOT_WRITE, CommandLineRun.run("alloc", LEAK, "-o", "/proc/version").exitCode());
        OptionErrorsTest.assertOneLineError(CommandLineRun.run("dump", Long.toString(Integer.MAX_VALUE + 7L)),
                ExitCodes.NOT_ATTACHABLE, "no process " + (Integer.MAX_VALUE + 7L));
    }

    static String[] args(String commandLine) {
        return commandLine.replace("$F", FACTORIAL).replace("$L", LEAK).replace("$D", DEADLOCK).split(" ");
    }

    static String[] concat(String[] args, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
