package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.StatisticDiff;
import io.jfrtrace.cli.report.DiffReport;
import io.jfrtrace.cli.report.ReportWriter;
import org.apache.commons.csv.CSVPrinter;

/** The StatisticDiffs the text lists: the key's columns, then size, size_diff, count, count_diff (bytes, objects). */
public final class DiffCsv implements ReportWriter<DiffReport> {
    @Override
    public Class<DiffReport> reportType() {
        return DiffReport.class;
    }

    @Override
    public void write(DiffReport report, Writer out) throws IOException {
        KeyType key = report.grouping().key();
        List<String> header = new ArrayList<>(Csv.keyColumns(key));
        header.addAll(List.of("size", "size_diff", "count", "count_diff"));
        CSVPrinter csv = Csv.printer(out, header);
        for (StatisticDiff d : report.diffs()) {
            List<Object> row = new ArrayList<>(Csv.keyCells(key, d.traceback()));
            row.addAll(List.of(d.size(), d.sizeDiff(), d.count(), d.countDiff()));
            csv.printRecord(row);
        }
        csv.flush();
    }
}
