package io.jfrtrace.cli.report.text;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.analyzer.tracemalloc.StatisticDiff;
import io.jfrtrace.cli.report.DiffReport;
import io.jfrtrace.cli.report.ReportWriter;

/** tracemalloc's text: each StatisticDiff's str(). */
public final class DiffText implements ReportWriter<DiffReport> {
    @Override
    public Class<DiffReport> reportType() {
        return DiffReport.class;
    }

    @Override
    public void write(DiffReport report, Writer out) throws IOException {
        for (StatisticDiff d : report.diffs()) {
            out.write(d + "\n");
        }
    }
}
