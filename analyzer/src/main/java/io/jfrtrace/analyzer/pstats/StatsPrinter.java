package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyFormat;
import io.jfrtrace.analyzer.python.PyStr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * pstats' reports, byte for byte: {@code print_stats}, {@code print_callers}, {@code print_callees} (cProfile
 * layout). Lines end with {@code \n}. File-line dates use {@code time.ctime} in the given zone.
 */
public final class StatsPrinter {
    private final Stats stats;
    private final TimeZone zone;

    public StatsPrinter(Stats stats) {
        this(stats, TimeZone.getDefault());
    }

    public StatsPrinter(Stats stats, TimeZone zone) {
        this.stats = Objects.requireNonNull(stats);
        this.zone = Objects.requireNonNull(zone);
    }

    /** The list and width that {@code get_print_list} computes; {@code width == 0} and empty list when none remain. */
    private record PrintList(int width, List<FunctionKey> list) {}

    private PrintList printList(Appendable out, List<Restriction> restrictions) throws IOException {
        int width = stats.maxNameLen();
        List<FunctionKey> list;
        StringBuilder msg = new StringBuilder();
        if (stats.isSorted()) {
            list = new ArrayList<>(stats.listing());
            msg.append("   Ordered by: ").append(stats.sortType()).append('\n');
        } else {
            list = new ArrayList<>(stats.stats().keySet());
            msg.append("   Random listing order was used\n");
        }
        for (Restriction r : restrictions) list = r.apply(list, msg);
        if (list.isEmpty()) return new PrintList(0, list);
        out.append(msg).append('\n');
        if (list.size() < stats.stats().size()) {
            width = 0;
            for (FunctionKey f : list) width = Math.max(width, PyStr.len(f.stdName()));
        }
        return new PrintList(width + 2, list);
    }

    /** {@code print_stats(*restrictions)}. */
    public void printStats(Appendable out, List<Restriction> restrictions) {
        try {
            for (SourceFile f : stats.files()) out.append(f.line(zone)).append('\n');
            if (!stats.files().isEmpty()) out.append('\n');
            totals(out, stats);
            out.append("\n\n");
            PrintList pl = printList(out, restrictions);
            if (pl.list.isEmpty()) return;
            out.append("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n");
            for (FunctionKey f : pl.list) printLine(out, f);
            out.append("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The totals line of {@code print_stats}, without its line end: pstats' {@code N function calls (M primitive
     * calls) in T seconds}, or what a sampled profile's {@link Sampling} says instead; when the times are not wall time,
     * then a line that says what they are ({@link TimeBasis}).
     */
    static void totals(Appendable out, Stats stats) throws IOException {
        Sampling sampling = stats.sampling();
        if (sampling != null) {
            out.append("         ").append(Long.toString(sampling.count())).append(' ').append(sampling.noun())
                    .append(" (").append(sampling.description()).append(')');
            if (sampling.unit() != null) {
                out.append(" in ").append(PyFormat.fixed(stats.totalTt(), 3)).append(' ').append(sampling.unit());
            }
            return;
        }
        out.append("         ").append(Long.toString(stats.totalCalls())).append(" function calls ");
        if (stats.totalCalls() != stats.primCalls()) {
            out.append('(').append(Long.toString(stats.primCalls())).append(" primitive calls) ");
        }
        out.append("in ").append(PyFormat.fixed(stats.totalTt(), 3)).append(" seconds");
        if (stats.timeBasis() != null) {
            out.append("\n         ").append(stats.timeBasis().line());
        }
    }

    /**
     * What the totals lines say about the numbers when they are not pstats' exact calls and wall time: the sampling
     * line of a sampled profile, or the line that says what the times are; none for pstats' own. For a report that
     * has no header to say it in (a table).
     */
    public static List<String> caveats(Stats stats) {
        StringBuilder totals = new StringBuilder();
        try {
            totals(totals, stats);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        List<String> lines = totals.toString().lines().map(String::strip).toList();
        return stats.sampling() != null ? lines : lines.subList(1, lines.size());
    }

    /** {@code print_callers(*restrictions)}. */
    public void printCallers(Appendable out, List<Restriction> restrictions) {
        try {
            PrintList pl = printList(out, restrictions);
            if (pl.list.isEmpty()) return;
            callHeading(out, pl.width, "was called by...");
            for (FunctionKey f : pl.list) callLine(out, pl.width, f, stats.stats().get(f).callers(), "<-");
            out.append("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code print_callees(*restrictions)}. */
    public void printCallees(Appendable out, List<Restriction> restrictions) {
        try {
            PrintList pl = printList(out, restrictions);
            if (pl.list.isEmpty()) return;
            stats.calcCallees();
            callHeading(out, pl.width, "called...");
            for (FunctionKey f : pl.list) callLine(out, pl.width, f, stats.callees(f), "->");
            out.append("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printLine(Appendable out, FunctionKey f) throws IOException {
        FunctionStats s = stats.stats().get(f);
        String c = Long.toString(s.nc());
        if (s.nc() != s.cc()) c = c + "/" + s.cc();
        out.append(PyStr.rjust(c, 9)).append(' ');
        out.append(PyFormat.f8(s.tt())).append(' ');
        out.append(s.nc() == 0 ? "        " : PyFormat.f8(s.tt() / s.nc())).append(' ');
        out.append(PyFormat.f8(s.ct())).append(' ');
        out.append(s.cc() == 0 ? "        " : PyFormat.f8(s.ct() / s.cc())).append(' ');
        out.append(f.stdName()).append('\n');
    }

    private void callHeading(Appendable out, int width, String title) throws IOException {
        out.append(PyStr.ljust("Function ", width)).append(title).append('\n');
        // the sub-header only for cProfile data: decided by the first value of the first non-empty callers dict
        for (FunctionStats s : stats.stats().values()) {
            if (!s.callers().isEmpty()) {
                if (s.callers().values().iterator().next() instanceof CallStats) {
                    out.append(" ".repeat(width)).append("    ncalls  tottime  cumtime\n");
                }
                break;
            }
        }
    }

    /** {@code print_call_line}: cProfile tuples as columns, profile's bare counts as {@code name(count) cumtime}. */
    private void callLine(Appendable out, int width, FunctionKey source, Map<FunctionKey, CallerValue> calls,
                          String arrow) throws IOException {
        out.append(PyStr.ljust(source.stdName(), width)).append(arrow).append(' ');
        if (calls.isEmpty()) {
            out.append('\n');
            return;
        }
        List<FunctionKey> keys = new ArrayList<>(calls.keySet());
        keys.sort(FunctionKey.TUPLE_ORDER);
        boolean first = true;
        for (FunctionKey k : keys) {
            if (calls.get(k) instanceof CallStats v) {
                String sub = v.nc() != v.cc() ? v.nc() + "/" + v.cc() : Long.toString(v.nc());
                if (!first) out.append(" ".repeat(width + 1));
                out.append(PyStr.rjust(sub, first ? 7 : 9)).append(' ')
                   .append(PyFormat.f8(v.tt())).append(' ')
                   .append(PyFormat.f8(v.ct())).append("  ")
                   .append(k.stdName()).append('\n');
            } else {
                CallCount v = (CallCount) calls.get(k);
                // the cumulative time of the listed function itself (pstats raises KeyError if it has none)
                FunctionStats listed = stats.stats().get(k);
                if (!first) out.append(" ".repeat(width + 3));
                out.append(k.stdName()).append('(').append(Long.toString(v.calls())).append(") ")
                   .append(PyFormat.f8(listed == null ? 0.0 : listed.ct())).append('\n');
            }
            first = false;
        }
    }
}
