package io.jfrtrace.cli.report.text;

import java.io.Writer;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.ThreadDumpsReport;

/** faulthandler's text ({@link DumpPrinter}: ASCII, one empty line between two dumps). */
public final class ThreadDumpsText implements ReportWriter<ThreadDumpsReport> {
    @Override
    public Class<ThreadDumpsReport> reportType() {
        return ThreadDumpsReport.class;
    }

    @Override
    public void write(ThreadDumpsReport report, Writer out) {
        new DumpPrinter(report.limits()).print(report.dumps(), out);
    }
}
