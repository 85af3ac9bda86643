package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.estimate.EstimatedStatistic;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.cli.report.AllocationReport;
import io.jfrtrace.cli.report.ReportWriter;
import org.apache.commons.csv.CSVPrinter;

/**
 * The statistics the text lists, one row each: the grouping key's columns (filename and lineno, filename, or the
 * traceback), then size in bytes and count; an estimate's unknown numbers are empty cells.
 */
public final class AllocationCsv implements ReportWriter<AllocationReport> {
    @Override
    public Class<AllocationReport> reportType() {
        return AllocationReport.class;
    }

    @Override
    public void write(AllocationReport report, Writer out) throws IOException {
        KeyType key = report.grouping().key();
        List<String> header = new ArrayList<>(Csv.keyColumns(key));
        header.addAll(List.of("size", "count"));
        CSVPrinter csv = Csv.printer(out, header);
        for (EstimatedStatistic s : report.statistics()) {
            List<Object> row = new ArrayList<>(Csv.keyCells(key, s.statistic().traceback()));
            row.add(Csv.known(s.sizeKnown(), s.statistic().size()));
            row.add(Csv.known(s.countKnown(), s.statistic().count()));
            csv.printRecord(row);
        }
        csv.flush();
    }
}
