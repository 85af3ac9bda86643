package io.jfrtrace.cli;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.pstats.Restriction;
import io.jfrtrace.cli.convert.Converters;
import picocli.CommandLine.Option;

/**
 * How a pstats list is cut and shown, beside its sort (whose keys differ by command): {@code -r}, {@code --strip-dirs},
 * {@code --reverse}. A picocli mixin, so that {@code stats} and {@code compare} take them alike.
 */
public final class PstatsListOptions {
    @Option(names = {"-r", "--restrict"}, paramLabel = "R", converter = Converters.Restrictions.class,
            description = "Restriction, repeatable, applied in order: an integer keeps the first N lines, a fraction "
                    + "(0.0 <= x < 1.0) keeps that share, anything else is a regular expression searched in the name.")
    List<Restriction> restrictions = new ArrayList<>();

    @Option(names = "--strip-dirs", description = "Remove directories from file names (pstats strip_dirs()).")
    boolean stripDirs;

    @Option(names = "--reverse", description = "Reverse the sorted order (pstats reverse_order()).")
    boolean reverse;
}
