package io.jfrtrace.cli.report.html;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.StacksDiffReport;

/**
 * A differential flame graph: {@link FlameGraphHtml}'s page in its diff mode. The new profile's paths are drawn (width:
 * the new value), each frame coloured by the change of its share of the whole: red where it grew, blue where it
 * shrank, the deeper the larger the change (full at the largest change in the graph), grey where it stayed; the
 * tooltip gives both sides' values and the difference. Paths only the old profile has have no width in the new one:
 * they are not drawn, their loss shows in their callers' colour and tooltip.
 */
public final class FlameGraphDiffHtml implements ReportWriter<StacksDiffReport> {
    @Override
    public Class<StacksDiffReport> reportType() {
        return StacksDiffReport.class;
    }

    @Override
    public void write(StacksDiffReport report, Writer out) throws IOException {
        FrameTree tree = FrameTree.of(report.old(), report.current(), report.weighted());
        FlameGraphHtml.writePage(tree, true, report.title(), report.unit(), out);
    }
}
