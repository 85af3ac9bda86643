package io.jfrtrace.analyzer.timeit;

import java.util.List;
import java.util.stream.Collectors;

import io.jfrtrace.analyzer.python.PyFormat;

/**
 * What {@code python -m timeit} prints after its timings (CPython 3.11 {@code timeit.main}): with {@code -v} the
 * autorange trials, an empty line, the raw times and an empty line; the result line; and on stderr the warning about
 * unreliable results when the worst loop was at least four times the best.
 */
public final class TimeitPrinter {
    private final TimeitUnit unit;
    private final int verbose;
    private final int precision;

    /** {@code unit} is {@code -u} (null: the largest unit the time reaches); {@code verbose} counts {@code -v}. */
    public TimeitPrinter(TimeitUnit unit, int verbose) {
        this.unit = unit;
        this.verbose = verbose;
        this.precision = 3 + Math.max(0, verbose - 1); // each -v after the first adds a digit
    }

    /** Standard output: the trial and raw-time lines with {@code -v}, then the result line. */
    public String out(TimeitResult r) {
        StringBuilder b = new StringBuilder();
        if (verbose > 0) {
            if (!r.trials().isEmpty()) { // autorange ran (-n absent or 0)
                for (TimeitResult.Trial t : r.trials()) {
                    b.append(trial(t)).append('\n');
                }
                b.append('\n');
            }
            b.append("raw times: ").append(r.rawTimes().stream().map(this::formatTime).collect(Collectors.joining(", ")))
                    .append("\n\n");
        }
        double best = perLoop(r).stream().min(Double::compare).orElseThrow();
        b.append(r.number()).append(" loop").append(plural(r.number())).append(", best of ").append(r.repeat())
                .append(": ").append(formatTime(best)).append(" per loop\n");
        return b.toString();
    }

    /** Standard error: CPython's {@code UserWarning} line, or the empty string. */
    public String err(TimeitResult r) {
        List<Double> timings = perLoop(r);
        double best = timings.stream().min(Double::compare).orElseThrow();
        double worst = timings.stream().max(Double::compare).orElseThrow();
        if (!(worst >= best * 4)) {
            return "";
        }
        // warnings.warn_explicit(msg, UserWarning, '', 0) through the default showwarning: ':0: UserWarning: msg'
        return ":0: UserWarning: The test results are likely unreliable. The worst time (" + formatTime(worst)
                + ") was more than four times slower than the best time (" + formatTime(best) + ").\n";
    }

    /** {@code "{num} loop{s} -> {secs:.{prec}g} secs"}. */
    public String trial(TimeitResult.Trial t) {
        return t.number() + " loop" + plural(t.number()) + " -> " + PyFormat.general(t.timeTaken(), precision) + " secs";
    }

    /** {@code format_time(dt)}: {@code "%.*g %s" % (precision, dt / scale, unit)}. */
    public String formatTime(double dt) {
        TimeitUnit u = unit;
        if (u == null) {
            // the first unit, largest first, that dt reaches; below a nanosecond (or NaN) the loop ends on nsec
            u = TimeitUnit.NSEC;
            for (TimeitUnit candidate : TimeitUnit.values()) {
                if (dt >= candidate.scale()) {
                    u = candidate;
                    break;
                }
            }
        }
        return PyFormat.general(dt / u.scale(), precision) + " " + u.word();
    }

    private static List<Double> perLoop(TimeitResult r) {
        return r.rawTimes().stream().map(dt -> dt / r.number()).toList();
    }

    private static String plural(long n) {
        return n != 1 ? "s" : "";
    }
}
