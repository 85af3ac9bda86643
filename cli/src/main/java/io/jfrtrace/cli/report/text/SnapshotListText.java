package io.jfrtrace.cli.report.text;

import java.io.IOException;
import java.io.Writer;

import io.jfrtrace.analyzer.jfr.SnapshotInfo;
import io.jfrtrace.analyzer.tracemalloc.SizeFormat;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.SnapshotListReport;

/** A table of the snapshots: id, label, reason, time, traced current and peak, traces, the recorder's own memory. */
public final class SnapshotListText implements ReportWriter<SnapshotListReport> {
    @Override
    public Class<SnapshotListReport> reportType() {
        return SnapshotListReport.class;
    }

    @Override
    public void write(SnapshotListReport report, Writer out) throws IOException {
        out.write(String.format("%4s  %-20s %-8s %-24s %12s %12s %8s %12s%n", "id", "label", "reason", "time", "current",
                "peak", "traces", "recorder"));
        for (SnapshotInfo s : report.snapshots()) {
            // recorder: the tracker's own memory, as get_tracemalloc_memory()
            out.write(String.format("%4d  %-20s %-8s %-24s %12s %12s %8d %12s%n", s.id(), s.label(), s.reason(),
                    s.time() == null ? "-" : s.time().toString(), SizeFormat.format(s.tracedCurrent(), false),
                    SizeFormat.format(s.tracedPeak(), false), s.traceCount(), SizeFormat.format(s.recorderMemory(), false)));
        }
    }
}
