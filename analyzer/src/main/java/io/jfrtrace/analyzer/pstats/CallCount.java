package io.jfrtrace.analyzer.pstats;

/** A caller value written by the pure-Python {@code profile} module: the number of calls from that caller. */
public record CallCount(long calls) implements CallerValue {
    @Override
    public CallerValue plus(CallerValue other) {
        if (other instanceof CallCount c) {
            return new CallCount(calls + c.calls);
        }
        throw new IllegalArgumentException("cannot add profile module caller counts to cProfile caller tuples");
    }
}
