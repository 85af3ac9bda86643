package io.jfrtrace.cli.report.text;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.analyzer.estimate.EstimatedStatistic;
import io.jfrtrace.analyzer.tracemalloc.DisplayTop;
import io.jfrtrace.cli.report.AllocationReport;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.Tracebacks;

/** tracemalloc's text: each Statistic's str() (and its Traceback.format()), or the documentation's display_top. */
public final class AllocationText implements ReportWriter<AllocationReport> {
    @Override
    public Class<AllocationReport> reportType() {
        return AllocationReport.class;
    }

    @Override
    public void write(AllocationReport report, Writer out) throws IOException {
        if (report.notice() != null) {
            out.write("# " + report.notice() + "\n");
        }
        Tracebacks tracebacks = report.tracebacks();
        if (report.prettyTop() != null) {
            DisplayTop.print(out, report.snapshot(), report.grouping().key(), report.prettyTop(), tracebacks.sources());
            return;
        }
        for (EstimatedStatistic s : report.statistics()) {
            out.write(s + "\n");
            if (tracebacks.shown()) {
                for (String line : s.statistic().traceback().format(null, tracebacks.mostRecentFirst(), tracebacks.sources())) {
                    out.write(line + "\n");
                }
            }
        }
    }
}
