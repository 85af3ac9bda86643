package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.jfrtrace.cli.exit.ExitCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help ends with two or three examples of that command, within the help's 80 columns. */
class HelpExamplesTest {
    /** A usage error ends with a hint to a help command: that command works, and prints the command's help. */
    @ParameterizedTest(name = "jfr-trace {0} --frobnicate")
    @ValueSource(strings = {"record", "stats", "browse", "alloc", "compare", "dumps", "dump", "attach", "trace", "timeit",
            "completion"})
    void theHintOfAUsageErrorWorks(String command) {
        InProcessRun error = InProcessRun.run(command, "--frobnicate");
        assertEquals(ExitCodes.USAGE, error.exitCode(), error::toString);
        String hint = "(see 'jfr-trace help " + command + "')";
        assertTrue(error.stderr().strip().endsWith(hint), error::toString);
        InProcessRun help = InProcessRun.run("help", command);
        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        assertEquals(InProcessRun.run(command, "--help").stdout(), help.stdout());
    }

    @ParameterizedTest(name = "jfr-trace {0} --help")
    @ValueSource(strings = {"record", "stats", "browse", "alloc", "compare", "dumps", "dump", "attach", "trace", "timeit",
            "completion"})
    void endsWithExamplesOfItself(String command) {
        InProcessRun run = InProcessRun.run(command, "--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        String help = run.stdout();
        int at = help.lastIndexOf("\nExamples:\n");
        assertTrue(at > 0, help);
        List<String> examples = help.substring(at + "\nExamples:\n".length()).lines().toList();
        assertTrue(examples.size() >= 2 && examples.size() <= 3, help);
        for (String e : examples) {
            assertTrue(e.startsWith("  jfr-trace " + command + " ") || e.startsWith("  source <(jfr-trace " + command)
                    || e.startsWith("  echo 'source <(jfr-trace " + command), e);
            assertTrue(e.length() <= 80, "wrapped: " + e);
        }
    }
}
