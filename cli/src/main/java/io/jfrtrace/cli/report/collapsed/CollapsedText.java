package io.jfrtrace.cli.report.collapsed;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.analyzer.stacks.CollapsedStacks;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.StacksReport;

/** Folded stacks, one line per distinct stack ({@code root;...;leaf value}): what flamegraph.pl and speedscope read. */
public final class CollapsedText implements ReportWriter<StacksReport> {
    @Override
    public Class<StacksReport> reportType() {
        return StacksReport.class;
    }

    @Override
    public void write(StacksReport report, Writer out) throws IOException {
        CollapsedStacks.write(report.samples(), report.weighted(), out);
    }
}
