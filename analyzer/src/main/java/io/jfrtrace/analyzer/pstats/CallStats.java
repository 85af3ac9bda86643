package io.jfrtrace.analyzer.pstats;

/**
 * A caller entry {@code (nc, cc, tt, ct)} — note the order differs from {@link FunctionStats}: it describes the
 * callee (the owner of the callers map) as called from one caller.
 */
public record CallStats(long nc, long cc, double tt, double ct) implements CallerValue {
    /** Component-wise sum, as pstats' {@code add_callers}. */
    public CallStats plus(CallStats o) {
        return new CallStats(nc + o.nc, cc + o.cc, tt + o.tt, ct + o.ct);
    }

    @Override
    public CallerValue plus(CallerValue other) {
        if (other instanceof CallStats o) {
            return plus(o);
        }
        throw new IllegalArgumentException("cannot add profile module caller counts to cProfile caller tuples");
    }
}
