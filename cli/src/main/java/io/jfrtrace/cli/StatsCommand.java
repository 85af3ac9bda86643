package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.SampleKind;
import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.analyzer.pstats.SourceFile;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.analyzer.pstats.StatsPrinter;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.Formats;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.ProfileReport;
import io.jfrtrace.cli.report.StacksReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jfr-trace stats}: pstats' print_stats / print_callers / print_callees over recordings. */
@Command(name = "stats",
        footer = {"", "Examples:",
                "  jfr-trace stats -s tottime -r 10 run.jfr",
                "  jfr-trace stats --callers -r fact --strip-dirs run.jfr",
                "  jfr-trace stats --profile cpu --format html -o flame.html any.jfr"}, mixinStandardHelpOptions = true,
        description = {"Print the call profile of one or more recordings (or .pstats files) as Python's pstats does: "
                + "jfr-trace's exact calls, or the JVM's samples in any recording (--profile).",
                "Several files are merged like pstats.Stats(a, b, c)."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".jfr recordings (jfr-trace's, or any JVM's for sampled profiles), or .pstats files")
    List<Path> files;

    /** pstats' sort_stats(*keys): words, or one legacy number alone; the default is cumulative. */
    List<SortKey> sort = List.of(SortKey.CUMULATIVE);

    @Option(names = {"-s", "--sort"}, paramLabel = "KEY", completionCandidates = SortKeyWords.class,
            description = "Sort key, repeatable for tie-breaks: ${COMPLETION-CANDIDATES} (unambiguous prefixes as pstats "
                    + "accepts them), or one of -1 0 1 2 alone. Default: cumulative.")
    void sortBy(List<String> keys) { // the list so far: pstats' rule is about all keys together (no mixing)
        sort = SortKey.parseArgs(keys);
    }

    @Mixin
    PstatsListOptions list;

    @ArgGroup(exclusive = true)
    Report report = new Report();

    static final class Report {
        @Option(names = "--callers", description = "Print the callers of each function (print_callers).")
        boolean callers;
        @Option(names = "--callees", description = "Print the functions each function called (print_callees).")
        boolean callees;
    }

    @Option(names = "--dump", paramLabel = "OUT.pstats",
            description = "Also write the merged data as a Python marshal .pstats file (pstats, snakeviz, gprof2dot).")
    Path dump;

    @Mixin
    ProfileOptions profile;

    @Mixin
    PathWeight weight;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (output.format().writerFor(StacksReport.class).isPresent()) {
            return printStacks();
        }
        CallPaths.refuseWeight(weight, "it applies to --format collapsed and html");
        ReportPrinter<ProfileReport> printer = output.printer(ProfileReport.class, files);
        Stats stats = load(files, profile, spec.commandLine().getErr());
        if (list.stripDirs) {
            stats.stripDirs();
        }
        stats.sortStats(sort);
        if (list.reverse) {
            stats.reverseOrder();
        }
        if (output.format() != Formats.TEXT) { // the text says it under its totals; a table has no place for it
            for (String caveat : StatsPrinter.caveats(stats)) {
                spec.commandLine().getErr().println("jfr-trace stats: " + caveat);
            }
        }
        ProfileReport.View view = report.callers ? ProfileReport.View.CALLERS
                : report.callees ? ProfileReport.View.CALLEES : ProfileReport.View.FUNCTIONS;
        printer.print(new ProfileReport(stats, view, list.restrictions));
        if (dump != null) {
            OutputFiles.checkWritable(dump);
            try {
                stats.dump(dump);
            } catch (IOException e) {
                throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + dump + ": " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }

    /** The recordings' call paths (collapsed stacks, a flame graph): exact ones, or samples; see {@link CallPaths}. */
    private int printStacks() throws IOException {
        ReportPrinter<StacksReport> printer = output.printer(StacksReport.class, files);
        PrintWriter err = spec.commandLine().getErr();
        if (CallPaths.exact(files, profile)) {
            printer.print(CallPaths.readExact(files, profile, weight, err));
            return ExitCodes.OK;
        }
        CallPaths.refuseWeight(weight, "these are samples, which weigh what they stand for");
        SampleKind kind = CallPaths.kind(profile, "stats", output.format().name(), err);
        try {
            printer.print(CallPaths.read(files, profile, kind, output.format().name(), err));
        } catch (NoEventsException e) {
            // --timer cpu's threads spend most of their time in its clock, in native code: no CPU sample sees them
            throw profile.sampled() != null ? e : e.withAdvice("--profile wall draws the samples of threads in native "
                    + "code too (where a --timer cpu recording's threads are, reading their clock)");
        }
        return ExitCodes.OK;
    }

    /** pstats.Stats(a, b, c): the first file, then add(b, c), which merges in reverse order. */
    static Stats load(List<Path> paths, ProfileOptions profile, PrintWriter err) throws IOException {
        List<Stats> loaded = new ArrayList<>();
        for (Path p : paths) {
            loaded.add(loadOne(p, profile, err));
        }
        Stats first = loaded.get(0);
        if (loaded.size() > 1) {
            try {
                first.add(loaded.subList(1, loaded.size()).toArray(Stats[]::new));
            } catch (IllegalArgumentException e) { // pstats fails the same way (a TypeError)
                throw new CliException(ExitCodes.BAD_INPUT, "cannot merge " + paths + ": " + e.getMessage());
            }
        }
        return first;
    }

    private static boolean isPstats(Path p) {
        return p.getFileName().toString().endsWith(".pstats") || p.getFileName().toString().endsWith(".prof");
    }

    private static Stats loadOne(Path p, ProfileOptions profile, PrintWriter err) throws IOException {
        SourceFile source = new SourceFile(p.toString(), Files.exists(p) ? Files.getLastModifiedTime(p).toInstant() : null);
        if (isPstats(p)) {
            try {
                return Stats.load(p);
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.BAD_INPUT, p + ": not a readable .pstats file (" + e.getMessage() + ")");
            }
        }
        return profile.load(p, source, err);
    }
}
