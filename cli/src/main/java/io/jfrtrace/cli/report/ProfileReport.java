package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.pstats.Restriction;
import io.jfrtrace.analyzer.pstats.Stats;

/**
 * {@code stats}: pstats' print_stats, print_callers or print_callees of sorted {@code Stats}, with its restrictions.
 */
public record ProfileReport(Stats stats, View view, List<Restriction> restrictions) {
    public enum View {
        /** {@code print_stats}: one row per function. */
        FUNCTIONS,
        /** {@code print_callers}: each function's callers. */
        CALLERS,
        /** {@code print_callees}: each function's callees. */
        CALLEES
    }

    public ProfileReport {
        restrictions = List.copyOf(restrictions);
    }
}
