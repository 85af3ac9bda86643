package io.jfrtrace.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.cli.alloc.LoadedSnapshot;
import io.jfrtrace.cli.alloc.SnapshotOptions;
import io.jfrtrace.cli.alloc.SnapshotRef;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.DiffReport;
import io.jfrtrace.cli.report.Grouping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jfr-trace compare OLD NEW}: tracemalloc's Snapshot.compare_to. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Print what grew between two allocation snapshots as tracemalloc's compare_to does.",
                "OLD and NEW are FILE (its last snapshot) or FILE#ID / FILE#LABEL, from one recording or two."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD")
    String old;

    @Parameters(index = "1", paramLabel = "NEW")
    String current;

    @Mixin
    SnapshotOptions options;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        options.checkRange();
        Grouping grouping = new Grouping(options.keyType(KeyType.LINENO), options.cumulative, options.limit);
        var filters = options.filters();
        SnapshotRef oldRef = SnapshotRef.parse(old);
        SnapshotRef newRef = SnapshotRef.parse(current);
        ReportPrinter<DiffReport> printer = output.printer(DiffReport.class, List.of(oldRef.file(), newRef.file()));
        List<LoadedSnapshot> both = LoadedSnapshot.loadAll(List.of(oldRef, newRef), options.view());
        Snapshot before = both.get(0).snapshot().filterTraces(filters);
        Snapshot after = both.get(1).snapshot().filterTraces(filters);
        printer.print(new DiffReport(before, after, grouping));
        return ExitCodes.OK;
    }
}
