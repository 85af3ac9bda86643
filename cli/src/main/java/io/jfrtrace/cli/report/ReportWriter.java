package io.jfrtrace.cli.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Prints one kind of report in one format. A {@code --format} is a set of these (see cli/output/Formats); a new
 * format is new writers, a command never names one.
 *
 * @param <R> the reports it prints: a report record, or an interface that several reports implement
 */
public interface ReportWriter<R> {
    /** The class (or interface) of the reports this writer prints. */
    Class<R> reportType();

    /** Writes the whole report; the caller flushes and closes {@code out}. */
    void write(R report, Writer out) throws IOException;
}
