package io.jfrtrace.cli.report;

import io.jfrtrace.analyzer.tracemalloc.SourceLines;

/** Whether (and how) a text report prints each statistic's {@code Traceback.format()} under it. */
public record Tracebacks(boolean shown, boolean mostRecentFirst, SourceLines sources) {
}
