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
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
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
        Snapshot before = LoadedSnapshot.load(SnapshotRef.parse(old), options.view()).snapshot().filterTraces(filters);
        Snapshot after = LoadedSnapshot.load(SnapshotRef.parse(current), options.view()).snapshot().filterTraces(filters);
        List<StatisticDiff> diffs = after.compareTo(before, key, options.cumulative);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (StatisticDiff d : diffs.subList(0, Math.min(options.limit, diffs.size()))) {
            out.print(d + "\n");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
