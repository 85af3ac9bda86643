package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.CallCount;
import io.jfrtrace.analyzer.pstats.CallStats;
import io.jfrtrace.analyzer.pstats.CallerValue;
import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.FunctionStats;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.cli.report.ProfileReport;
import io.jfrtrace.cli.report.ReportWriter;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of print_stats (one per function) or print_callers / print_callees (one per caller or callee edge), in
 * the report's order and after its restrictions; a function is pstats' (filename, lineno, function), times are
 * seconds. Data from Python's pure {@code profile} module knows only call counts on edges: the other cells are empty.
 */
public final class ProfileCsv implements ReportWriter<ProfileReport> {
    static final List<String> FUNCTION = List.of("filename", "lineno", "function");
    static final List<String> NUMBERS = List.of("ncalls", "primitive_calls", "tottime", "cumtime");

    @Override
    public Class<ProfileReport> reportType() {
        return ProfileReport.class;
    }

    @Override
    public void write(ProfileReport report, Writer out) throws IOException {
        Stats stats = report.stats();
        List<FunctionKey> listed = stats.printList(report.restrictions());
        switch (report.view()) {
            case FUNCTIONS -> {
                CSVPrinter csv = Csv.printer(out, concat(NUMBERS, FUNCTION));
                for (FunctionKey f : listed) {
                    FunctionStats s = stats.stats().get(f);
                    csv.printRecord(s.nc(), s.cc(), Csv.seconds(s.tt()), Csv.seconds(s.ct()), f.file(), f.line(), f.name());
                }
                csv.flush();
            }
            case CALLERS -> edges(out, "caller_", listed, f -> stats.stats().get(f).callers());
            case CALLEES -> edges(out, "callee_", listed, stats::callees);
        }
    }

    private interface Edges {
        Map<FunctionKey, CallerValue> of(FunctionKey f);
    }

    private static void edges(Writer out, String prefix, List<FunctionKey> listed, Edges edges) throws IOException {
        List<String> other = FUNCTION.stream().map(c -> prefix + c).toList();
        CSVPrinter csv = Csv.printer(out, concat(concat(FUNCTION, other), NUMBERS));
        for (FunctionKey f : listed) {
            Map<FunctionKey, CallerValue> calls = edges.of(f);
            List<FunctionKey> keys = new ArrayList<>(calls.keySet());
            keys.sort(FunctionKey.TUPLE_ORDER); // the text's order
            for (FunctionKey k : keys) {
                List<Object> row = new ArrayList<>(List.of(f.file(), f.line(), f.name(), k.file(), k.line(), k.name()));
                if (calls.get(k) instanceof CallStats v) {
                    row.addAll(List.of(v.nc(), v.cc(), Csv.seconds(v.tt()), Csv.seconds(v.ct())));
                } else {
                    row.addAll(List.of(((CallCount) calls.get(k)).calls(), "", "", ""));
                }
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
