package io.jfrtrace.cli.report.text;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.TraceTextReport;

/** {@code trace}'s text (made by analyzer/trace, CPython's own layout), as it is. */
public final class TraceText implements ReportWriter<TraceTextReport> {
    @Override
    public Class<TraceTextReport> reportType() {
        return TraceTextReport.class;
    }

    @Override
    public void write(TraceTextReport report, Writer out) throws IOException {
        out.write(report.text());
    }
}
