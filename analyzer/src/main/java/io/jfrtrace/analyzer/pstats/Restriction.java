package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyRegex;
import io.jfrtrace.analyzer.python.PyFormat;
import io.jfrtrace.analyzer.python.PyNumbers;
import io.jfrtrace.analyzer.python.PyStr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code *amount} argument of {@code print_stats}/{@code print_callers}/{@code print_callees}: a count (int), a
 * fraction (float) or a regular expression (str) searched in the printed function name.
 */
public abstract class Restriction {
    private Restriction() {}

    /**
     * Parses a command-line restriction: Python {@code int()} syntax → count, else Python {@code float()} syntax →
     * fraction, else a regular expression (Python syntax, translated; see {@link PyRegex}).
     *
     * @throws PyRegex.UnsupportedRegexException if the text is a Python regex that cannot be expressed in Java
     */
    public static Restriction parse(String text) {
        BigInteger i = PyNumbers.parseInt(text);
        if (i != null) return count(i);
        Double d = PyNumbers.parseFloat(text);
        if (d != null) return fraction(d);
        return regex(text);
    }

    public static Restriction count(long n) {
        return new Count(BigInteger.valueOf(n));
    }

    public static Restriction count(BigInteger n) {
        return new Count(n);
    }

    public static Restriction fraction(double x) {
        return new Fraction(x);
    }

    public static Restriction regex(String pattern) {
        return new Regex(pattern);
    }

    /** Python's {@code %r} of the argument, as shown in "due to restriction <...>". */
    public abstract String repr();

    /** {@code eval_print_amount}: the restricted list; appends the message line(s) to {@code msg}. */
    abstract List<FunctionKey> apply(List<FunctionKey> list, StringBuilder msg);

    final List<FunctionKey> reduced(List<FunctionKey> list, List<FunctionKey> newList, StringBuilder msg) {
        if (list.size() != newList.size()) {
            msg.append("   List reduced from ").append(list.size()).append(" to ").append(newList.size())
               .append(" due to restriction <").append(repr()).append(">\n");
        }
        return newList;
    }

    /** An int: keep the first n when {@code 0 <= n < len}. */
    public static final class Count extends Restriction {
        private final BigInteger n;

        Count(BigInteger n) {
            this.n = Objects.requireNonNull(n);
        }

        public BigInteger value() {
            return n;
        }

        @Override
        public String repr() {
            return n.toString();
        }

        @Override
        List<FunctionKey> apply(List<FunctionKey> list, StringBuilder msg) {
            if (n.signum() >= 0 && n.compareTo(BigInteger.valueOf(list.size())) < 0) {
                return reduced(list, new ArrayList<>(list.subList(0, n.intValue())), msg);
            }
            return list;
        }

        @Override
        public String toString() {
            return "Count[" + n + "]";
        }
    }

    /** A float: keep the first {@code int(len * x + .5)} when {@code 0.0 <= x < 1.0}. */
    public static final class Fraction extends Restriction {
        private final double x;

        Fraction(double x) {
            this.x = x;
        }

        public double value() {
            return x;
        }

        @Override
        public String repr() {
            return PyFormat.reprFloat(x);
        }

        @Override
        List<FunctionKey> apply(List<FunctionKey> list, StringBuilder msg) {
            if (0.0 <= x && x < 1.0) {
                int count = (int) ((double) list.size() * x + .5);
                return reduced(list, new ArrayList<>(list.subList(0, count)), msg);
            }
            return list;
        }

        @Override
        public String toString() {
            return "Fraction[" + repr() + "]";
        }
    }

    /** A str: keep functions whose printed name {@code re.search}-matches; an invalid pattern only adds a message. */
    public static final class Regex extends Restriction {
        private final String pattern;
        private final Pattern compiled;

        Regex(String pattern) {
            this.pattern = Objects.requireNonNull(pattern);
            this.compiled = PyRegex.compile(pattern); // null when invalid in Python too
        }

        public String pattern() {
            return pattern;
        }

        @Override
        public String repr() {
            return PyStr.repr(pattern);
        }

        @Override
        List<FunctionKey> apply(List<FunctionKey> list, StringBuilder msg) {
            if (compiled == null) {
                msg.append("   <Invalid regular expression ").append(repr()).append(">\n");
                return list;
            }
            List<FunctionKey> out = new ArrayList<>();
            for (FunctionKey f : list) {
                if (compiled.matcher(f.stdName()).find()) out.add(f);
            }
            return reduced(list, out, msg);
        }

        @Override
        public String toString() {
            return "Regex[" + repr() + "]";
        }
    }
}
