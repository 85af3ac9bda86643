package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import io.jfrtrace.analyzer.jfr.SnapshotInfo;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.SnapshotListReport;
import org.apache.commons.csv.CSVPrinter;

/** The snapshot table in numbers: sizes in bytes, the time in ISO-8601 (empty when unknown). */
public final class SnapshotListCsv implements ReportWriter<SnapshotListReport> {
    @Override
    public Class<SnapshotListReport> reportType() {
        return SnapshotListReport.class;
    }

    @Override
    public void write(SnapshotListReport report, Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, List.of("id", "label", "reason", "time", "current", "peak", "traces", "recorder"));
        for (SnapshotInfo s : report.snapshots()) {
            csv.printRecord(s.id(), s.label(), s.reason(), s.time() == null ? "" : s.time().toString(), s.tracedCurrent(),
                    s.tracedPeak(), s.traceCount(), s.recorderMemory());
        }
        csv.flush();
    }
}
