package io.jfrtrace.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.pstats.browser.LineSource;
import io.jfrtrace.analyzer.pstats.browser.ProfileBrowser;
import io.jfrtrace.analyzer.pstats.browser.StatsLoader;
import io.jfrtrace.cli.browse.TerminalLines;
import io.jfrtrace.cli.exit.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfr-trace browse}: the statistics browser of {@code python -m pstats FILE...}, on stdin and stdout. */
@Command(name = "browse",
        footer = {"", "Examples:",
                "  jfr-trace browse run.jfr",
                "  jfr-trace browse --profile cpu any.jfr",
                "  jfr-trace browse old.pstats new.pstats"}, mixinStandardHelpOptions = true,
        description = {"Browse the call profile of recordings (or .pstats files) as python -m pstats does: commands "
                + "read from stdin (a terminal or a pipe) print CPython's text.",
                "Commands: stats, callers, callees [RESTRICTION...], sort [KEY...], reverse, strip, read [FILE], "
                        + "add FILE, help [COMMAND], quit (or EOF). The first FILE is read, the others are added."})
final class BrowseCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = ".jfr recordings (jfr-trace's, or any JVM's for sampled profiles), or .pstats files")
    List<String> files = new ArrayList<>();

    @Mixin
    ProfileOptions profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        // the loading of stats: its messages (a missing call profile, CPU samples instead) on stderr as there
        StatsLoader loader = (path, name) -> StatsCommand.load(List.of(path), profile, err);
        if (System.console() == null) { // a pipe: input() writes the prompt, reads a line, echoes nothing
            ProfileBrowser.run(files, loader,
                    LineSource.of(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out), out);
            return ExitCodes.OK;
        }
        try (TerminalLines terminal = TerminalLines.open(out)) {
            ProfileBrowser.run(files, loader, terminal, out);
        } catch (TerminalLines.Interrupted e) { // pstats' __main__: except KeyboardInterrupt: pass
            out.flush();
        }
        return ExitCodes.OK;
    }
}
