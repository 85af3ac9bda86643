package io.jfrtrace.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.analyzer.tracemalloc.StatisticDiff;
import io.jfrtrace.cli.alloc.LoadedSnapshot;
import io.jfrtrace.cli.alloc.SnapshotOptions;
import io.jfrtrace.cli.alloc.SnapshotRef;
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

    @Override
    public Integer call() throws IOException {
        options.checkRange();
        KeyType key = options.keyType(KeyType.LINENO);
        var filters = options.filters();
        List<LoadedSnapshot> both = LoadedSnapshot.loadAll(List.of(SnapshotRef.parse(old), SnapshotRef.parse(current)),
                options.view());
        Snapshot before = both.get(0).snapshot().filterTraces(filters);
        Snapshot after = both.get(1).snapshot().filterTraces(filters);
        List<StatisticDiff> diffs;
        try {
            diffs = after.compareTo(before, key, options.cumulative);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (StatisticDiff d : diffs.subList(0, Math.min(options.limit, diffs.size()))) {
            out.print(d + "\n");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
