package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jfr-trace completion bash}, sourced in a real bash, completes as a user typing TAB would see. */
class CompletionIT {
    @TempDir
    static Path work;
    static Path script;

    @BeforeAll
    static void writeScript() throws Exception {
        JfrTraceRun r = JfrTraceRun.run(work, "completion", "bash");
        assertEquals(0, r.exitCode(), r::toString);
        script = Files.writeString(work.resolve("jfr-trace.bash"), r.stdout());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "jfr-trace st | stats", // a subcommand
            "jfr-trace ti | timeit",
            "jfr-trace stats --so | --sort", // an option
            "jfr-trace stats -s cu | cumtime cumulative", // a sort key
            "jfr-trace record -s tott | tottime",
            "jfr-trace stats --profile w | wall", // a profile kind
            "jfr-trace record --dump-signal H | HUP", // a signal name
            "jfr-trace timeit -u ms | msec"})
    void completes(String line, String expected) throws Exception {
        // what bash's programmable completion sets before it calls the function, for the cursor at the line's end
        String test = "source '" + script + "'\n"
                + "COMP_WORDS=(" + line + ")\n"
                + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_jfr-trace 2>/dev/null\n"
                + "echo \"${COMPREPLY[*]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", test).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(expected + "\n", out);
    }
}
