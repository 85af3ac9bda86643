package io.jfrtrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.Sourced;
import io.jfrtrace.analyzer.jfr.UnknownSnapshotException;
import io.jfrtrace.analyzer.tracemalloc.BaseFilter;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.SourceDirectories;
import io.jfrtrace.analyzer.tracemalloc.SourceLines;
import io.jfrtrace.cli.alloc.LoadedSnapshot;
import io.jfrtrace.cli.alloc.SnapshotOptions;
import io.jfrtrace.cli.alloc.SnapshotRef;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.Formats;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.AllocationReport;
import io.jfrtrace.cli.report.Grouping;
import io.jfrtrace.cli.report.SnapshotListReport;
import io.jfrtrace.cli.report.Tracebacks;
import io.jfrtrace.cli.report.TracesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfr-trace alloc}: tracemalloc's Snapshot.statistics / Traceback.format / display_top. */
@Command(name = "alloc",
        footer = {"", "Examples:",
                "  jfr-trace alloc run.jfr",
                "  jfr-trace alloc --key traceback --limit 3 run.jfr",
                "  jfr-trace alloc --list run.jfr  &&  jfr-trace alloc 'run.jfr#2'"}, mixinStandardHelpOptions = true,
        description = {"Print the live memory of a snapshot recorded with 'record --alloc' as Python's tracemalloc does.",
                "FILE is its last snapshot; FILE#ID or FILE#LABEL picks another."})
final class AllocCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE[#SNAPSHOT]")
    String target;

    @Mixin
    SnapshotOptions options;

    @Option(names = "--list", description = "List the snapshots: id, label, time, traced current and peak, trace count.")
    boolean list;

    @Option(names = "--traceback", description = "Print each statistic's traceback under it (groups by traceback unless --key says otherwise).")
    boolean traceback;

    @Option(names = "--most-recent-first", description = "Print tracebacks most recent frame first.")
    boolean mostRecentFirst;

    @Option(names = "--pretty-top", paramLabel = "N", description = "Print the documentation's display_top(snapshot, limit=N) instead.")
    Integer prettyTop;

    @Option(names = "--source-path", paramLabel = "DIR", description = "Where to find source files for the lines under each frame; repeatable.")
    List<Path> sourcePath = new ArrayList<>();

    @Option(names = "--csv", description = "Write the (filtered) snapshot's traces themselves as CSV: domain,size,count,total_nframe,frames "
            + "(--format csv writes its statistics).")
    boolean csv;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        options.checkRange();
        if (prettyTop != null && prettyTop < 1) {
            throw new CliException(ExitCodes.USAGE, "--pretty-top must be at least 1, got " + prettyTop);
        }
        SnapshotRef ref = SnapshotRef.parse(target);
        List<Path> inputs = List.of(ref.file());
        if (list) {
            ReportPrinter<SnapshotListReport> printer = output.printer(SnapshotListReport.class, inputs);
            try {
                printer.print(new SnapshotListReport(AllocationReader.list(ref.file())));
            } catch (NoEventsException e) {
                throw e.withAdvice("record the program with 'jfr-trace record --alloc'");
            }
            return ExitCodes.OK;
        }
        if (csv) {
            if (output.formatGiven()) {
                throw new CliException(ExitCodes.USAGE, "--csv writes the traces themselves as CSV; give it or --format, not both");
            }
            ReportPrinter<TracesReport> printer = output.printer(TracesReport.class, Formats.CSV, inputs);
            Loaded loaded = load(ref);
            printer.print(new TracesReport(loaded.snapshot(), loaded.estimate()));
            return ExitCodes.OK;
        }
        if (prettyTop != null && output.formatGiven() && output.format() != Formats.TEXT) {
            throw new CliException(ExitCodes.USAGE, "--pretty-top prints display_top's text; leave out --format " + output.format().name());
        }
        Grouping grouping = new Grouping(options.keyType(traceback ? KeyType.TRACEBACK : KeyType.LINENO), options.cumulative,
                options.limit);
        Tracebacks tracebacks = new Tracebacks(traceback, mostRecentFirst,
                sourcePath.isEmpty() ? SourceLines.NONE : new SourceDirectories(sourcePath));
        ReportPrinter<AllocationReport> printer = output.printer(AllocationReport.class, inputs);
        Loaded loaded = load(ref);
        if (loaded.notice() != null && output.format() != Formats.TEXT) { // the text says it in its first line
            spec.commandLine().getErr().println("jfr-trace alloc: " + loaded.notice());
        }
        printer.print(new AllocationReport(loaded.snapshot(), loaded.estimate(), loaded.notice(), grouping, tracebacks, prettyTop));
        return ExitCodes.OK;
    }

    /** A filtered snapshot; or JFR's own sampled estimate of one, for a recording we did not make, and a line saying so. */
    private record Loaded(Snapshot snapshot, Estimate estimate, String notice) {
    }

    private Loaded load(SnapshotRef ref) throws IOException {
        List<BaseFilter> filters = options.filters();
        AllocationReader.Allocations data;
        try {
            data = AllocationReader.read(ref.file(), ref.selector(), options.view());
        } catch (UnknownSnapshotException e) {
            throw LoadedSnapshot.withAdvice(e, ref);
        } catch (NoEventsException e) {
            if (ref.selector() != null) {
                throw new CliException(ExitCodes.NO_DATA, ref.file() + ": no snapshot '" + ref.selector()
                        + "': the recording holds no jfr-trace allocation snapshots (record with --alloc)");
            }
            throw e.withAdvice("record the program with 'jfr-trace record --alloc', or with JFR's allocation samplers on");
        }
        if (data.ours() != null) {
            return new Loaded(data.ours().snapshot().filterTraces(filters), null, null);
        }
        Sourced<Estimate> result = data.stock();
        Estimate estimate = result.model().filterTraces(filters);
        if (prettyTop != null && estimate.hasUnknownSizes()) {
            throw new CliException(ExitCodes.USAGE, "--pretty-top: " + ref.file() + " leaves some sizes unknown "
                    + "(JDK 17's jdk.OldObjectSample records none); try --allocated");
        }
        return new Loaded(estimate.snapshot(), estimate, ref.file() + " has no jfr-trace snapshots: " + result.provenance().note());
    }
}
