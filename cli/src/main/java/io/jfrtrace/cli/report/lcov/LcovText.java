package io.jfrtrace.cli.report.lcov;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import io.jfrtrace.analyzer.trace.FileCoverage;
import io.jfrtrace.cli.report.LineCountsReport;
import io.jfrtrace.cli.report.ReportWriter;

/**
 * Line counts as an lcov tracefile (genhtml, Codecov, IDEs): per source file {@code SF:}, a {@code DA:line,count} for
 * every executable line (0 for those that never ran), {@code LF} and {@code LH}, {@code end_of_record}.
 */
public final class LcovText implements ReportWriter<LineCountsReport> {
    @Override
    public Class<LineCountsReport> reportType() {
        return LineCountsReport.class;
    }

    @Override
    public void write(LineCountsReport report, Writer out) throws IOException {
        for (FileCoverage f : report.files()) {
            out.write("TN:\nSF:" + f.file() + "\n");
            int found = 0;
            int hit = 0;
            for (Map.Entry<Integer, Long> line : f.allLines().entrySet()) {
                out.write("DA:" + line.getKey() + "," + line.getValue() + "\n");
                found++;
                hit += line.getValue() > 0 ? 1 : 0;
            }
            out.write("LF:" + found + "\nLH:" + hit + "\nend_of_record\n");
        }
    }
}
