package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.trace.FileCoverage;

/**
 * {@code trace --format lcov|csv}: each reported source file's counts and executable lines, named by the path its
 * source was found at.
 */
public record LineCountsReport(List<FileCoverage> files) {
    public LineCountsReport {
        files = List.copyOf(files);
    }
}
