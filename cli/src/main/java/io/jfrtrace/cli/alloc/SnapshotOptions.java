package io.jfrtrace.cli.alloc;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.tracemalloc.BaseFilter;
import io.jfrtrace.analyzer.tracemalloc.DomainFilter;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.convert.FilterPattern;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import picocli.CommandLine.Option;

/** The grouping and filter options that alloc and compare share (Snapshot.statistics / filter_traces). */
public final class SnapshotOptions {
    @Option(names = "--key", paramLabel = "lineno|filename|traceback", converter = Converters.KeyTypes.class,
            description = "Group by the most recent line (default), file, or whole traceback.")
    KeyType key;

    @Option(names = "--cumulative", description = "Count every frame of each traceback, not only the most recent (lineno/filename).")
    public boolean cumulative;

    @Option(names = "--limit", paramLabel = "N", description = "Print the first N statistics (default 10; 0 prints none).")
    public int limit = 10;

    @Option(names = "--include", paramLabel = "PATTERN[:LINE]", converter = Converters.FilterPatterns.class,
            description = "Keep traces whose file matches (fnmatch), optionally at LINE; repeatable.")
    List<FilterPattern> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN[:LINE]", converter = Converters.FilterPatterns.class,
            description = "Drop traces whose file matches; repeatable.")
    List<FilterPattern> excludes = new ArrayList<>();

    @Option(names = "--all-frames", description = "Filters test every frame of the traceback, not only the most recent.")
    boolean allFrames;

    @Option(names = "--domain", paramLabel = "N", description = "Keep only traces of address space N (0 = Java heap).")
    List<Integer> domains = new ArrayList<>();

    @Option(names = "--exclude-domain", paramLabel = "N", description = "Drop traces of address space N.")
    List<Integer> excludedDomains = new ArrayList<>();

    @Option(names = "--allocated", description = "Show everything allocated since start (or clearTraces), not only what is live.")
    boolean allocated;

    /** {@code --key}, else the command's default; tracemalloc refuses cumulative statistics by traceback. */
    public KeyType keyType(KeyType defaultKey) {
        KeyType k = key == null ? defaultKey : key;
        if (cumulative && k == KeyType.TRACEBACK) {
            throw new CliException(ExitCodes.USAGE, "--cumulative: cumulative mode cannot be used with key type 'traceback'");
        }
        return k;
    }

    public AllocationReader.View view() {
        return allocated ? AllocationReader.View.ALLOCATED : AllocationReader.View.LIVE;
    }

    /** {@code --limit 0} prints nothing, as {@code statistics()[:0]}; a negative limit is refused. */
    public void checkRange() {
        if (limit < 0) {
            throw new CliException(ExitCodes.USAGE, "--limit must be at least 0, got " + limit);
        }
    }

    /** The filters in tracemalloc's terms. */
    public List<BaseFilter> filters() {
        List<BaseFilter> out = new ArrayList<>();
        includes.forEach(p -> out.add(p.toFilter(true, allFrames)));
        excludes.forEach(p -> out.add(p.toFilter(false, allFrames)));
        domains.forEach(d -> out.add(new DomainFilter(true, d)));
        excludedDomains.forEach(d -> out.add(new DomainFilter(false, d)));
        return out;
    }
}
