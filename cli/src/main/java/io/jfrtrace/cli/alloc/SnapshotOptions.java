package io.jfrtrace.cli.alloc;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.tracemalloc.BaseFilter;
import io.jfrtrace.analyzer.tracemalloc.DomainFilter;
import io.jfrtrace.analyzer.tracemalloc.Filter;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import picocli.CommandLine.Option;

/** The grouping and filter options that alloc and compare share (Snapshot.statistics / filter_traces). */
public final class SnapshotOptions {
    @Option(names = "--key", paramLabel = "lineno|filename|traceback",
            description = "Group by the most recent line (default), file, or whole traceback.")
    String key;

    @Option(names = "--cumulative", description = "Count every frame of each traceback, not only the most recent (lineno/filename).")
    public boolean cumulative;

    @Option(names = "--limit", paramLabel = "N", description = "Print the first N statistics (default 10; 0 prints none).")
    public int limit = 10;

    @Option(names = "--include", paramLabel = "PATTERN[:LINE]", description = "Keep traces whose file matches (fnmatch), optionally at LINE; repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN[:LINE]", description = "Drop traces whose file matches; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--all-frames", description = "Filters test every frame of the traceback, not only the most recent.")
    boolean allFrames;

    @Option(names = "--domain", paramLabel = "N", description = "Keep only traces of address space N (0 = Java heap).")
    List<Integer> domains = new ArrayList<>();

    @Option(names = "--exclude-domain", paramLabel = "N", description = "Drop traces of address space N.")
    List<Integer> excludedDomains = new ArrayList<>();

    @Option(names = "--allocated", description = "Show everything allocated since start (or clearTraces), not only what is live.")
    boolean allocated;

    public KeyType keyType(KeyType defaultKey) {
        try {
            return key == null ? defaultKey : KeyType.parse(key);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--key: " + e.getMessage());
        }
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

    /** The filters in tracemalloc's terms; a bad pattern is a usage error. */
    public List<BaseFilter> filters() {
        List<BaseFilter> out = new ArrayList<>();
        try {
            for (String s : includes) {
                out.add(filter(true, s));
            }
            for (String s : excludes) {
                out.add(filter(false, s));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        domains.forEach(d -> out.add(new DomainFilter(true, d)));
        excludedDomains.forEach(d -> out.add(new DomainFilter(false, d)));
        return out;
    }

    private Filter filter(boolean inclusive, String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && spec.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return new Filter(inclusive, spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)), allFrames, null);
        }
        return new Filter(inclusive, spec, null, allFrames, null);
    }

}
