package io.jfrtrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.jfr.ThreadDumpReader;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.convert.Glob;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.ThreadDumpsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfr-trace dumps}: the thread dumps of a recording, printed as Python's faulthandler prints them. */
@Command(name = "dumps",
        footer = {"", "Examples:",
                "  jfr-trace dumps run.jfr",
                "  jfr-trace dumps --last --thread main run.jfr",
                "  jfr-trace dumps hs_err_pid1234.jfr"}, mixinStandardHelpOptions = true,
        description = {"Print the thread dumps of a recording as Python's faulthandler does, oldest first, "
                + "one empty line between two dumps.",
                "Without jfr-trace's own dumps (jfrtrace.ThreadDump), the JVM's jdk.ThreadDump events and the "
                        + "jdk.Shutdown event of an emergency dump (hs_err_pid*.jfr) are shown instead."})
final class DumpsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .jfr recording")
    Path file;

    @Option(names = "--reason", paramLabel = "REASON", converter = Converters.Reasons.class,
            description = "Only dumps taken for this reason, repeatable: request, timeout, signal, fatal.")
    List<Reason> reasons = new ArrayList<>();

    @Option(names = "--thread", paramLabel = "GLOB", converter = Converters.Globs.class,
            description = "Only threads whose name matches this fnmatch pattern (* ? [seq]), repeatable; "
                    + "a dump left without threads is not printed.")
    List<Glob> threadGlobs = new ArrayList<>();

    @Option(names = "--last", description = "Only the last (matching) dump.")
    boolean last;

    @Option(names = "--limits", paramLabel = "python|none", defaultValue = "python", converter = Converters.Limits.class,
            description = "python (default): faulthandler's cuts (100 frames, 100 threads, 500 characters); "
                    + "none: print everything (still ASCII-escaped).")
    DumpPrinter.Limits limits;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportPrinter<ThreadDumpsReport> printer = output.printer(ThreadDumpsReport.class, List.of(file));
        Set<Reason> wanted = reasons.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(reasons);
        Predicate<String> nameFilter = nameFilter(threadGlobs);
        ThreadDumpReader.Result res = ThreadDumpReader.read(file);
        if (res.source() == ThreadDumpReader.Source.NONE) {
            throw new CliException(ExitCodes.NO_DATA, file + ": no thread dumps (neither jfrtrace.ThreadDump nor "
                    + "jdk.ThreadDump / a crash's jdk.Shutdown events)");
        }
        if (!res.provenance().ours()) {
            spec.commandLine().getErr().println("jfr-trace dumps: " + file + " has no jfr-trace thread dumps; showing the JVM's own ("
                    + String.join(", ", res.provenance().stockEvents()) + ")");
        }
        List<ThreadDump> selected = new ArrayList<>();
        for (ThreadDump d : res.dumps()) {
            if (!wanted.isEmpty() && !wanted.contains(d.reason())) {
                continue;
            }
            if (nameFilter != null) {
                d = d.withThreads(t -> t.nameMatches(nameFilter));
                if (d.threads().isEmpty()) {
                    continue;
                }
            }
            selected.add(d);
        }
        if (selected.isEmpty()) {
            throw new CliException(ExitCodes.NO_DATA, file + ": no thread dump matches " + describe());
        }
        if (last) {
            selected = List.of(selected.get(selected.size() - 1));
        }
        printer.print(new ThreadDumpsReport(selected, limits));
        return ExitCodes.OK;
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        reasons.forEach(r -> parts.add("--reason " + r.label()));
        threadGlobs.forEach(g -> parts.add("--thread " + g.text()));
        return String.join(" ", parts);
    }

    static Predicate<String> nameFilter(List<Glob> globs) {
        if (globs.isEmpty()) {
            return null;
        }
        return name -> globs.stream().anyMatch(g -> g.matches(name));
    }
}
