package io.jfrtrace.analyzer.pstats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import io.jfrtrace.analyzer.python.MarshalWriter;

/** The dict {@code pstats.Stats.dump_stats} marshals, written with {@link MarshalWriter}. */
final class StatsFile {
    private StatsFile() {}

    /** Writes the pstats dict {@code {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct) or count})}}. */
    static void write(Map<FunctionKey, FunctionStats> stats, OutputStream os) throws IOException {
        MarshalWriter w = new MarshalWriter();
        w.startDict();
        for (Map.Entry<FunctionKey, FunctionStats> e : stats.entrySet()) {
            key(w, e.getKey());
            FunctionStats s = e.getValue();
            w.tupleHeader(5);
            w.integer(s.cc());
            w.integer(s.nc());
            w.floatValue(s.tt());
            w.floatValue(s.ct());
            w.startDict();
            for (Map.Entry<FunctionKey, CallerValue> c : s.callers().entrySet()) {
                key(w, c.getKey());
                if (c.getValue() instanceof CallStats cs) {
                    w.tupleHeader(4);
                    w.integer(cs.nc());
                    w.integer(cs.cc());
                    w.floatValue(cs.tt());
                    w.floatValue(cs.ct());
                } else {
                    w.integer(((CallCount) c.getValue()).calls()); // the profile module's bare count
                }
            }
            w.endDict();
        }
        w.endDict();
        w.writeTo(os);
    }

    private static void key(MarshalWriter w, FunctionKey k) {
        w.tupleHeader(3);
        w.string(k.file());
        w.integer(k.line());
        w.string(k.name());
    }
}
