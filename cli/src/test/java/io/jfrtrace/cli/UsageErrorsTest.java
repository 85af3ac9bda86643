package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jfrtrace.cli.exit.ExitCodes;

/** A bad command line is one line naming the command once, with a help hint that works when followed. */
class UsageErrorsTest {
    private static final Pattern HINT = Pattern.compile("\\(see '(jfr-trace help[^']*)'\\)$");

    @ParameterizedTest(name = "jfr-trace {0}")
    @CsvSource(delimiter = '|', value = {
            "nosuch                 | jfr-trace: unknown command 'nosuch'; the commands are record, stats",
            "--nosuch               | jfr-trace: Unknown option: '--nosuch'",
            "stats --nosuch         | jfr-trace stats: Unknown option: '--nosuch'",
            "stats --nosuch x.jfr   | jfr-trace stats: Unknown option: '--nosuch'",
            "stats                  | jfr-trace stats: Missing required parameter: 'FILE'",
            "alloc --key            | jfr-trace alloc: Missing required parameter for option '--key'",
            "compare a.jfr          | jfr-trace compare: Missing required parameter: 'NEW'",
            "help nosuch            | jfr-trace: Unknown subcommand 'nosuch'",
    })
    void oneLineNamingTheCommandOnceAndAHintThatWorks(String commandLine, String start) {
        InProcessRun run = InProcessRun.run(commandLine.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        String line = lines.get(0);
        assertTrue(line.startsWith(start), () -> "expected '" + start + "...':\n" + run);
        assertFalse(line.contains("jfr-trace jfr-trace"), run::toString);
        Matcher hint = HINT.matcher(line);
        assertTrue(hint.find(), () -> "no hint:\n" + run);

        String[] followed = hint.group(1).substring("jfr-trace ".length()).split(" ");
        InProcessRun help = InProcessRun.run(followed);
        assertEquals(ExitCodes.OK, help.exitCode(), () -> hint.group(1) + ":\n" + help);
        assertTrue(help.stdout().startsWith("Usage: jfr-trace"), () -> hint.group(1) + ":\n" + help);
        assertEquals("", help.stderr(), help::toString);
    }
}
