package io.jfrtrace.cli;

import io.jfrtrace.cli.exit.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/**
 * A command line builds the models of only the subcommands it can reach (picocli's reflection over them is most
 * of the start-up time), {@code --version} none at all, and what the user sees is the same as with all of them.
 */
class LazySubcommandsTest {
    private static final List<String> ALL = List.of("record", "stats", "browse", "alloc", "compare", "dumps", "dump", "attach", "trace", "timeit", "completion", "help");

    @ParameterizedTest(name = "jfr-trace {0}")
    @CsvSource(delimiter = '|', value = {
            "stats x.jfr            | stats",
            "stats --help           | stats",
            "record -- -cp . Main   | record",
            "dump 1                 | dump",
            "attach --stop 1        | attach",
            "timeit -n 1 1+1        | timeit",
            "--help                 | record stats browse alloc compare dumps dump attach trace timeit completion help",
            "help stats             | record stats browse alloc compare dumps dump attach trace timeit completion help",
            "nosuch                 | record stats browse alloc compare dumps dump attach trace timeit completion help",
            "--version stats        | record stats browse alloc compare dumps dump attach trace timeit completion help",
    })
    void buildsOnlyTheSubcommandsTheCommandLineReaches(String commandLine, String built) {
        String[] args = commandLine.split(" ");
        List<String> expected = List.of(built.split(" "));
        assertEquals(expected, List.copyOf(Main.commandLine(args).getSubcommands().keySet()));
    }

    @Test
    void theHelpListsEveryCommandInOrder() {
        InProcessRun run = InProcessRun.run("--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        String commands = run.stdout().substring(run.stdout().indexOf("Commands:"));
        commands = commands.substring(0, commands.indexOf("\n\n") + 1); // the examples follow an empty line
        List<String> names = commands.lines().filter(l -> l.matches("  \\w.*")) // not the descriptions' next lines
                .map(l -> l.strip().split("\\s+")[0]).toList();
        assertEquals(ALL, names, run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theVersionIsWhatPicocliPrints(String option) {
        StringWriter picocli = new StringWriter();
        new CommandLine(new Main()).printVersionHelp(new PrintWriter(picocli, true));
        InProcessRun run = InProcessRun.run(option);
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("jfr-trace "), run::toString);
        assertEquals(picocli.toString(), run.stdout());
        assertEquals("", run.stderr(), run::toString);
    }
}
