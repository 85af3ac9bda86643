package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Main tells picocli not to register its built-in java.time and java.sql converters (start-up time): so no option
 * or parameter may need one, i.e. every such value has a converter of ours.
 */
class PicocliConverterExclusionTest {
    @Test
    void noOptionNeedsAnExcludedBuiltInConverter() {
        CommandLine all = Main.commandLine("--help");
        List<String> needing = new ArrayList<>();
        int checked = 0;
        for (CommandLine cl : all.getSubcommands().values()) {
            for (ArgSpec arg : cl.getCommandSpec().args()) {
                checked++;
                for (Class<?> type : arg.auxiliaryTypes()) {
                    if (type.getName().matches(Main.PICOCLI_EXCLUDED_CONVERTERS) && arg.converters().length == 0) {
                        needing.add(cl.getCommandName() + " " + arg.paramLabel() + ": " + type.getName());
                    }
                }
            }
        }
        assertTrue(checked > 50, "options checked: " + checked);
        assertEquals(List.of(), needing);
    }

    @Test
    void theExclusionCoversJavaTime() {
        assertTrue("java.time.Duration".matches(Main.PICOCLI_EXCLUDED_CONVERTERS));
        assertTrue("java.sql.Timestamp".matches(Main.PICOCLI_EXCLUDED_CONVERTERS));
        assertTrue(!"java.nio.file.Path".matches(Main.PICOCLI_EXCLUDED_CONVERTERS)); // FILE options use picocli's
    }
}
