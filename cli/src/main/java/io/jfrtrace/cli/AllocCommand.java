package io.jfrtrace.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.estimate.Estimate;
import io.jfrtrace.analyzer.estimate.EstimatedStatistic;
import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.SnapshotInfo;
import io.jfrtrace.analyzer.jfr.Sourced;
import io.jfrtrace.analyzer.jfr.UnknownSnapshotException;
import io.jfrtrace.analyzer.tracemalloc.BaseFilter;
import io.jfrtrace.analyzer.tracemalloc.DisplayTop;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.SizeFormat;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.SnapshotCsv;
import io.jfrtrace.analyzer.tracemalloc.SourceDirectories;
import io.jfrtrace.analyzer.tracemalloc.SourceLines;
import io.jfrtrace.analyzer.tracemalloc.Statistic;
import io.jfrtrace.analyzer.tracemalloc.Traceback;
import io.jfrtrace.cli.alloc.LoadedSnapshot;
import io.jfrtrace.cli.alloc.SnapshotOptions;
import io.jfrtrace.cli.alloc.SnapshotRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jfr-trace alloc}: tracemalloc's Snapshot.statistics / Traceback.format / display_top. */
@Command(name = "alloc", mixinStandardHelpOptions = true,
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

    @Option(names = "--csv", description = "Write the (filtered) snapshot's traces as CSV: domain,size,count,total_nframe,frames.")
    boolean csv;

    @Override
    public Integer call() throws IOException {
        options.checkRange();
        if (prettyTop != null && prettyTop < 1) {
            throw new CliException(ExitCodes.USAGE, "--pretty-top must be at least 1, got " + prettyTop);
        }
        SnapshotRef ref = SnapshotRef.parse(target);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (list) {
            try {
                printList(out, AllocationReader.list(ref.file()));
            } catch (NoEventsException e) {
                throw e.withAdvice("record the program with 'jfr-trace record --alloc'");
            }
            out.flush();
            return ExitCodes.OK;
        }
        KeyType key = options.keyType(traceback ? KeyType.TRACEBACK : KeyType.LINENO);
        var filters = options.filters();
        SourceLines lines = sourcePath.isEmpty() ? SourceLines.NONE : new SourceDirectories(sourcePath);
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
        if (data.ours() == null) {
            printEstimate(out, ref, key, filters, lines, data.stock());
            out.flush();
            return ExitCodes.OK;
        }
        Snapshot snapshot = data.ours().snapshot().filterTraces(filters);
        if (csv) {
            SnapshotCsv.write(snapshot, out);
        } else if (prettyTop != null) {
            DisplayTop.print(out, snapshot, key, prettyTop, lines);
        } else {
            List<Statistic> stats = statistics(snapshot, key);
            for (Statistic s : stats.subList(0, Math.min(options.limit, stats.size()))) {
                printStatistic(out, s.toString(), s.traceback(), lines);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** For a recording we did not make: JFR's own sampled estimates, what they are said in the first line. */
    private void printEstimate(PrintWriter out, SnapshotRef ref, KeyType key, List<BaseFilter> filters, SourceLines lines,
            Sourced<Estimate> result) throws IOException {
        Estimate estimate = result.model().filterTraces(filters);
        if (prettyTop != null && estimate.hasUnknownSizes()) {
            throw new CliException(ExitCodes.USAGE, "--pretty-top: " + ref.file() + " leaves some sizes unknown "
                    + "(JDK 17's jdk.OldObjectSample records none); try --allocated");
        }
        if (!csv) {
            out.print("# " + ref.file() + " has no jfr-trace snapshots: " + result.provenance().note() + "\n");
        }
        if (csv) {
            SnapshotCsv.write(estimate.snapshot(), out, estimate::sizeKnown, estimate::countKnown);
        } else if (prettyTop != null) {
            DisplayTop.print(out, estimate.snapshot(), key, prettyTop, lines);
        } else {
            List<EstimatedStatistic> stats;
            try {
                stats = estimate.statistics(key, options.cumulative);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            for (EstimatedStatistic s : stats.subList(0, Math.min(options.limit, stats.size()))) {
                printStatistic(out, s.toString(), s.statistic().traceback(), lines);
            }
        }
    }

    private void printStatistic(PrintWriter out, String line, Traceback tb, SourceLines lines) {
        out.print(line + "\n");
        if (traceback) {
            for (String l : tb.format(null, mostRecentFirst, lines)) {
                out.print(l + "\n");
            }
        }
    }

    private List<Statistic> statistics(Snapshot snapshot, KeyType key) {
        try {
            return snapshot.statistics(key, options.cumulative);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private static void printList(PrintWriter out, List<SnapshotInfo> snapshots) {
        out.print(String.format("%4s  %-20s %-8s %-24s %12s %12s %8s %12s%n", "id", "label", "reason", "time", "current",
                "peak", "traces", "recorder"));
        for (SnapshotInfo s : snapshots) {
            // recorder: the tracker's own memory, as get_tracemalloc_memory()
            out.print(String.format("%4d  %-20s %-8s %-24s %12s %12s %8d %12s%n", s.id(), s.label(), s.reason(),
                    s.time() == null ? "-" : s.time().toString(), SizeFormat.format(s.tracedCurrent(), false),
                    SizeFormat.format(s.tracedPeak(), false), s.traceCount(), SizeFormat.format(s.recorderMemory(), false)));
        }
    }
}
