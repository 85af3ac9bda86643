package io.jfrtrace.cli.output;

import java.util.List;
import java.util.Optional;

import io.jfrtrace.cli.report.ReportWriter;

/** One {@code --format}: its name and its writers, one per kind of report it can print. */
public record Format(String name, List<ReportWriter<?>> writers) {
    public Format {
        writers = List.copyOf(writers);
    }

    /** The writer for reports of this type (the first whose report type is it or a supertype of it), if any. */
    @SuppressWarnings("unchecked") // it prints reportType() or a supertype of it, so it prints R
    public <R> Optional<ReportWriter<? super R>> writerFor(Class<R> reportType) {
        for (ReportWriter<?> w : writers) {
            if (w.reportType().isAssignableFrom(reportType)) {
                return Optional.of((ReportWriter<? super R>) w);
            }
        }
        return Optional.empty();
    }
}
