package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.trace.FileCoverage;
import io.jfrtrace.cli.report.LineCountsReport;
import io.jfrtrace.cli.report.ReportWriter;
import org.apache.commons.csv.CSVPrinter;

/** {@code trace --format csv}: {@code file,line,count}, every executable line of each file (0 when it never ran). */
public final class LineCountsCsv implements ReportWriter<LineCountsReport> {
    @Override
    public Class<LineCountsReport> reportType() {
        return LineCountsReport.class;
    }

    @Override
    public void write(LineCountsReport report, Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, List.of("file", "line", "count"));
        for (FileCoverage f : report.files()) {
            for (Map.Entry<Integer, Long> line : f.allLines().entrySet()) {
                csv.printRecord(f.file(), line.getKey(), line.getValue());
            }
        }
        csv.flush();
    }
}
