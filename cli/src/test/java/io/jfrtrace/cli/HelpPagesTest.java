package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jfrtrace.cli.exit.ExitCodes;
import picocli.CommandLine.Help.Ansi;

/** The help pages the build rendered are what picocli prints today, for every command line that asks for help. */
class HelpPagesTest {
    static Stream<List<String>> helpCommandLines() {
        return HelpPages.helpCommandLines().stream();
    }

    @ParameterizedTest(name = "jfr-trace {0}")
    @MethodSource("helpCommandLines")
    void aHelpCommandLinePrintsWhatPicocliPrints(List<String> commandLine) {
        HelpPages.Printed picocli = HelpPages.picocli(commandLine, Ansi.OFF);
        InProcessRun run = InProcessRun.run(commandLine.toArray(String[]::new));
        assertEquals(new HelpPages.Printed(ExitCodes.OK, picocli.out(), ""),
                new HelpPages.Printed(run.exitCode(), run.stdout(), run.stderr()));
        assertTrue(run.stdout().startsWith("Usage: jfr-trace"), run::toString);
    }

    @ParameterizedTest(name = "jfr-trace {0}")
    @MethodSource("helpCommandLines")
    void theColouredPageIsPicocliColouredOne(List<String> commandLine) throws IOException {
        String picocli = HelpPages.picocli(commandLine, Ansi.ON).out();
        assertTrue(picocli.contains("\u001b["), picocli); // the colouring is there to compare
        assertEquals(picocli, page(commandLine, ".ansi.txt"));
    }

    @Test
    void everyHelpCommandLineHasItsPageInTheBuild() throws IOException {
        // the pages come from the build's process-classes step: without them every help would go to picocli, and
        // the two tests above would still pass
        for (List<String> commandLine : HelpPages.helpCommandLines()) {
            assertNotNull(page(commandLine, ".txt"), commandLine::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats --help x.jfr", "stats", "nosuch --help", "help nosuch", "--help --help"})
    void anythingElseGoesToPicocli(String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertFalse(HelpPages.print(commandLine.split(" "), out));
        assertEquals(0, out.size());
    }

    /** The page the build wrote for {@code commandLine}, or null. */
    private static String page(List<String> commandLine, String suffix) throws IOException {
        String index = resource(HelpPages.INDEX);
        assertNotNull(index, "no help pages in the build");
        for (String line : index.split("\n")) {
            String[] pageAndLine = line.split("\t");
            if (pageAndLine[1].equals(String.join(" ", commandLine))) {
                return resource(pageAndLine[0] + suffix);
            }
        }
        return null;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HelpPages.class.getResourceAsStream(HelpPages.FOLDER + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
