package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import io.jfrtrace.analyzer.pstats.FunctionDiff;
import io.jfrtrace.analyzer.pstats.FunctionStats;
import io.jfrtrace.cli.report.ProfileDiffReport;
import io.jfrtrace.cli.report.ReportWriter;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of the profile diff, in its order and after its restrictions: {@code status} ({@code both}, {@code new}
 * or {@code gone}), per number the old value, the new value and the difference (new minus old; times in seconds),
 * for times the percentage of the old value, then the function. A side where the function is absent has empty
 * cells (its differences count it as zero), and so have its percentages.
 */
public final class ProfileDiffCsv implements ReportWriter<ProfileDiffReport> {
    static final List<String> HEADER = List.of("status",
            "old_ncalls", "new_ncalls", "ncalls_diff",
            "old_primitive_calls", "new_primitive_calls", "primitive_calls_diff",
            "old_tottime", "new_tottime", "tottime_diff", "tottime_pct",
            "old_cumtime", "new_cumtime", "cumtime_diff", "cumtime_pct",
            "filename", "lineno", "function");

    @Override
    public Class<ProfileDiffReport> reportType() {
        return ProfileDiffReport.class;
    }

    @Override
    public void write(ProfileDiffReport report, Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, HEADER);
        for (FunctionDiff d : report.diff().printList(report.restrictions(), new StringBuilder())) {
            FunctionStats o = d.before();
            FunctionStats n = d.after();
            List<Object> row = new ArrayList<>();
            row.add(d.appeared() ? "new" : d.vanished() ? "gone" : "both");
            row.addAll(List.of(o == null ? "" : o.nc(), n == null ? "" : n.nc(), d.callsDiff()));
            row.addAll(List.of(o == null ? "" : o.cc(), n == null ? "" : n.cc(), d.primitiveCallsDiff()));
            row.addAll(List.of(o == null ? "" : Csv.seconds(o.tt()), n == null ? "" : Csv.seconds(n.tt()),
                    Csv.seconds(d.tottimeDiff()), percent(d.tottimePercent())));
            row.addAll(List.of(o == null ? "" : Csv.seconds(o.ct()), n == null ? "" : Csv.seconds(n.ct()),
                    Csv.seconds(d.cumtimeDiff()), percent(d.cumtimePercent())));
            row.addAll(List.of(d.function().file(), d.function().line(), d.function().name()));
            csv.printRecord(row);
        }
        csv.flush();
    }

    /** Python's repr of the float ({@code inf} from an old value of 0), empty when a side is absent. */
    private static String percent(OptionalDouble p) {
        return p.isPresent() ? Csv.seconds(p.getAsDouble()) : "";
    }
}
