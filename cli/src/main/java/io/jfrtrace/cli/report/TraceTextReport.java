package io.jfrtrace.cli.report;

/** {@code trace}'s text on standard output, as write_results prints it: the call lists, then the summary. */
public record TraceTextReport(String text) {
}
