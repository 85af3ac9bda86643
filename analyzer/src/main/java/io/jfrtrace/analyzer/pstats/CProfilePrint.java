package io.jfrtrace.analyzer.pstats;

import java.util.List;

/**
 * {@code cProfile.Profile.print_stats(sort)}, what {@code python -m cProfile -s KEY} prints when the program ends:
 * {@code pstats.Stats(profile).strip_dirs().sort_stats(KEY).print_stats()}. The Stats is made from a profile, not a
 * file, so it names no file: the text starts with the totals line.
 */
public final class CProfilePrint {
    private CProfilePrint() {
    }

    public static String text(Stats profile, List<SortKey> keys) {
        Stats stats = Stats.of(profile.stats(), List.of()).sampledAs(profile.sampling()).timedBy(profile.timeBasis());
        stats.stripDirs().sortStats(keys);
        StringBuilder out = new StringBuilder();
        new StatsPrinter(stats).printStats(out, List.of());
        return out.toString();
    }
}
