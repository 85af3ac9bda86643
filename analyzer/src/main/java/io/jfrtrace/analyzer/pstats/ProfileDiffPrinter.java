package io.jfrtrace.analyzer.pstats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import io.jfrtrace.analyzer.python.PyFormat;
import io.jfrtrace.analyzer.python.PyStr;

/**
 * A {@link ProfileDiff} as a table in print_stats' conventions: each side's files and totals line, "Ordered by" and
 * the restrictions' lines, then one row per function with pstats' column widths (ncalls right-justified in 9, times
 * {@code %8.3f}, differences {@code %+8.3f}, percentages {@code %+.1f%%} in 8), the printed name last. A side where
 * the function is absent prints {@code -}; its percentage column says {@code new} or {@code gone}. Lines end with
 * {@code \n}.
 */
public final class ProfileDiffPrinter {
    static final String GROUPS = label("ncalls", 29) + " " + label("tottime", 35) + " " + label("cumtime", 35);
    static final String TITLES = "      old       new      diff      old      new     diff        %"
            + "      old      new     diff        % filename:lineno(function)";

    private final ProfileDiff diff;

    public ProfileDiffPrinter(ProfileDiff diff) {
        this.diff = diff;
    }

    /** The whole table, restricted as print_stats(*restrictions) restricts. */
    public void print(Appendable out, List<Restriction> restrictions) {
        try {
            side(out, "old", diff.before());
            side(out, "new", diff.after());
            out.append('\n');
            StringBuilder messages = new StringBuilder();
            List<FunctionDiff> list = diff.printList(restrictions, messages);
            if (list.isEmpty()) {
                return; // as print_stats: nothing after the totals when no function is left
            }
            out.append("   Ordered by: ").append(diff.sortType()).append('\n').append(messages).append('\n');
            out.append(GROUPS).append('\n').append(TITLES).append('\n');
            for (FunctionDiff d : list) {
                row(out, d);
            }
            out.append("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code   old: FILE, FILE} and print_stats' totals line; for a sampled side the header {@link StatsPrinter} prints
     * for it ({@code 120 samples (jdk.ExecutionSample, 20 ms) in 2.400 seconds}): samples never pass for calls.
     */
    private static void side(Appendable out, String name, Stats s) throws IOException {
        out.append("   ").append(name).append(": ")
           .append(s.files().stream().map(SourceFile::path).collect(Collectors.joining(", "))).append('\n');
        StatsPrinter.totals(out, s);
        out.append('\n');
    }

    private static void row(Appendable out, FunctionDiff d) throws IOException {
        out.append(PyStr.rjust(d.appeared() ? "-" : calls(d.before().nc(), d.before().cc()), 9)).append(' ')
           .append(PyStr.rjust(d.vanished() ? "-" : calls(d.after().nc(), d.after().cc()), 9)).append(' ')
           .append(PyStr.rjust(signedCalls(d.callsDiff(), d.primitiveCallsDiff()), 9)).append(' ');
        times(out, d, d.appeared() ? 0 : d.before().tt(), d.vanished() ? 0 : d.after().tt(), d.tottimeDiff(),
                d.tottimePercent());
        times(out, d, d.appeared() ? 0 : d.before().ct(), d.vanished() ? 0 : d.after().ct(), d.cumtimeDiff(),
                d.cumtimePercent());
        out.append(d.function().stdName()).append('\n');
    }

    private static void times(Appendable out, FunctionDiff d, double old, double now, double change,
                              OptionalDouble percent) throws IOException {
        out.append(d.appeared() ? "       -" : PyFormat.f8(old)).append(' ')
           .append(d.vanished() ? "       -" : PyFormat.f8(now)).append(' ')
           .append(PyFormat.fixed(change, 3, 8, true)).append(' ')
           .append(PyStr.rjust(percent(d, percent), 8)).append(' ');
    }

    /** pstats' ncalls cell: {@code nc}, or {@code nc/cc} when some calls were recursive. */
    static String calls(long nc, long cc) {
        return nc == cc ? Long.toString(nc) : nc + "/" + cc;
    }

    /** The change of calls as {@code %+d}, and of primitive calls after a slash when they changed differently. */
    static String signedCalls(long nc, long cc) {
        String total = (nc >= 0 ? "+" : "") + nc;
        return nc == cc ? total : total + "/" + (cc >= 0 ? "+" : "") + cc;
    }

    private static String percent(FunctionDiff d, OptionalDouble percent) {
        if (d.appeared()) {
            return "new";
        }
        if (d.vanished()) {
            return "gone";
        }
        return PyFormat.fixed(percent.getAsDouble(), 1, 0, true) + "%";
    }

    /** {@code name} centred in a rule of dashes {@code width} long, over the columns it names. */
    private static String label(String name, int width) {
        int left = (width - name.length()) / 2;
        return "-".repeat(left) + name + "-".repeat(width - name.length() - left);
    }
}
