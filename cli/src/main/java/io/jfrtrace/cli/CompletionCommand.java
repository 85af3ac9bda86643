package io.jfrtrace.cli;

import java.util.concurrent.Callable;

import io.jfrtrace.cli.exit.ExitCodes;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jfr-trace completion bash|zsh}: the shell completion script picocli's {@link AutoComplete} makes from the
 * whole command model (subcommands, options, their candidate values such as sort keys, profile kinds and signal
 * names, and file names where a file is wanted). The script is bash's; zsh runs it through its bashcompinit, which
 * the script itself turns on.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh: subcommands, options, sort keys, profile kinds, "
                + "signal names and file names complete with TAB."},
        footer = {"", "Examples:",
                "  source <(jfr-trace completion bash)",
                "  jfr-trace completion bash >> ~/.bashrc",
                "  echo 'source <(jfr-trace completion zsh)' >> ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script is for. */
    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine full = Main.commandLine(); // every subcommand: this command alone was built to run it
        spec.commandLine().getOut().print(AutoComplete.bash("jfr-trace", full));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
