package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A command line builds the models of only the subcommands it can reach (picocli's reflection over them is most
 * of the start-up time), and what the user sees is the same as with all of them.
 */
class LazySubcommandsTest {
    private static final List<String> ALL = List.of("record", "stats", "alloc", "compare", "dumps", "dump", "help");

    @ParameterizedTest(name = "jfr-trace {0}")
    @CsvSource(delimiter = '|', value = {
            "--version              | ",
            "-V                     | ",
            "stats x.jfr            | stats",
            "stats --help           | stats",
            "record -- -cp . Main   | record",
            "dump 1                 | dump",
            "--help                 | record stats alloc compare dumps dump help",
            "help stats             | record stats alloc compare dumps dump help",
            "nosuch                 | record stats alloc compare dumps dump help",
            "--version stats        | record stats alloc compare dumps dump help",
    })
    void buildsOnlyTheSubcommandsTheCommandLineReaches(String commandLine, String built) {
        String[] args = commandLine.split(" ");
        List<String> expected = built == null ? List.of() : List.of(built.split(" "));
        assertEquals(expected, List.copyOf(Main.commandLine(args).getSubcommands().keySet()));
    }

    @Test
    void theHelpListsEveryCommandInOrder() {
        InProcessRun run = InProcessRun.run("--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        String commands = run.stdout().substring(run.stdout().indexOf("Commands:"));
        List<String> names = commands.lines().filter(l -> l.matches("  \\w.*")) // not the descriptions' next lines
                .map(l -> l.strip().split("\\s+")[0]).toList();
        assertEquals(ALL, names, run::toString);
    }

    @Test
    void versionNeedsNoSubcommand() {
        InProcessRun run = InProcessRun.run("--version");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.stdout().startsWith("jfr-trace "), run::toString);
        assertEquals("", run.stderr(), run::toString);
    }
}
