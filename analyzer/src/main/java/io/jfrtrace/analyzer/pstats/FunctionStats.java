package io.jfrtrace.analyzer.pstats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A function's statistics {@code (cc, nc, tt, ct, callers)}; {@code callers} keeps insertion order and is read-only. */
public record FunctionStats(long cc, long nc, double tt, double ct, Map<FunctionKey, CallerValue> callers) {

    public FunctionStats {
        callers = Collections.unmodifiableMap(new LinkedHashMap<>(callers));
    }

    /** pstats' {@code add_func_stats(this, source)}: component-wise sum, callers merged (this's keys first). */
    public FunctionStats plus(FunctionStats source) {
        return new FunctionStats(source.cc + cc, source.nc + nc, source.tt + tt, source.ct + ct,
                addCallers(callers, source.callers));
    }

    static Map<FunctionKey, CallerValue> addCallers(Map<FunctionKey, CallerValue> target, Map<FunctionKey, CallerValue> source) {
        Map<FunctionKey, CallerValue> merged = new LinkedHashMap<>(target);
        for (Map.Entry<FunctionKey, CallerValue> e : source.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), (old, add) -> add.plus(old));
        }
        return merged;
    }
}
