package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.analyzer.tracemalloc.SnapshotCsv;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.TracesReport;

/** {@code alloc --csv}: the traces as {@link SnapshotCsv} writes them (and reads them back). */
public final class TracesCsv implements ReportWriter<TracesReport> {
    @Override
    public Class<TracesReport> reportType() {
        return TracesReport.class;
    }

    @Override
    public void write(TracesReport report, Writer out) throws IOException {
        if (report.estimate() == null) {
            SnapshotCsv.write(report.snapshot(), out);
        } else {
            SnapshotCsv.write(report.snapshot(), out, report.estimate()::sizeKnown, report.estimate()::countKnown);
        }
    }
}
