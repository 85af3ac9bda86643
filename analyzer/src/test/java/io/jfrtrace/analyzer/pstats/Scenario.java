package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyStr;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny script language run both on Java {@link Stats} and on CPython's {@code pstats.Stats}:
 * ops separated by {@code ;}, arguments by spaces. {@code strip}, {@code sort [keys...]}, {@code reverse},
 * {@code stats|callers|callees [restrictions...]}, {@code calc} (calc_callees). Sort arguments that are integers are
 * passed as Python ints; restrictions are classified by {@link Restriction#parse}.
 */
final class Scenario {
    private Scenario() {}

    private static List<String[]> ops(String script) {
        List<String[]> out = new ArrayList<>();
        for (String op : script.split(";")) {
            String t = op.trim();
            if (t.isEmpty()) continue;
            out.add(t.split(" +"));
        }
        return out;
    }

    private static List<String> args(String[] op) {
        return List.of(op).subList(1, op.length);
    }

    /** The Python statements (with a Stats object named {@code s}). */
    static String python(String script) {
        StringBuilder py = new StringBuilder();
        for (String[] op : ops(script)) {
            switch (op[0]) {
                case "strip": py.append("s.strip_dirs()\n"); break;
                case "reverse": py.append("s.reverse_order()\n"); break;
                case "calc": py.append("s.calc_callees()\n"); break;
                case "sort": {
                    List<String> lits = new ArrayList<>();
                    for (String a : args(op)) {
                        lits.add(io.jfrtrace.analyzer.python.PyNumbers.parseInt(a) != null ? a : PyStr.repr(a));
                    }
                    py.append("s.sort_stats(").append(String.join(", ", lits)).append(")\n");
                    break;
                }
                case "stats": case "callers": case "callees": {
                    List<String> lits = new ArrayList<>();
                    for (String a : args(op)) lits.add(pythonLiteral(Restriction.parse(a)));
                    String m = op[0].equals("stats") ? "print_stats" : "print_" + op[0];
                    py.append("s.").append(m).append("(").append(String.join(", ", lits)).append(")\n");
                    break;
                }
                default: throw new IllegalArgumentException(op[0]);
            }
        }
        return py.toString();
    }

    static String pythonLiteral(Restriction r) {
        if (r instanceof Restriction.Fraction) {
            double d = ((Restriction.Fraction) r).value();
            if (Double.isNaN(d) || Double.isInfinite(d)) return "float(" + PyStr.repr(r.repr()) + ")";
        }
        return r.repr();
    }

    /** Runs the script on Java Stats and returns what it printed. */
    static String java(Stats s, String script) {
        StatsPrinter printer = new StatsPrinter(s);
        StringBuilder out = new StringBuilder();
        for (String[] op : ops(script)) {
            switch (op[0]) {
                case "strip": s.stripDirs(); break;
                case "reverse": s.reverseOrder(); break;
                case "calc": s.calcCallees(); break;
                case "sort": s.sortStats(SortKey.parseArgs(args(op))); break;
                case "stats": case "callers": case "callees": {
                    List<Restriction> rs = new ArrayList<>();
                    for (String a : args(op)) rs.add(Restriction.parse(a));
                    if (op[0].equals("stats")) printer.printStats(out, rs);
                    else if (op[0].equals("callers")) printer.printCallers(out, rs);
                    else printer.printCallees(out, rs);
                    break;
                }
                default: throw new IllegalArgumentException(op[0]);
            }
        }
        return out.toString();
    }
}
