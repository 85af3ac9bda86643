package io.jfrtrace.analyzer.pstats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Map;

/**
 * A minimal writer of CPython's marshal format (version 4 subset): dicts, small tuples, ASCII/UTF-8 strings,
 * int32/long ints and binary floats. Never sets FLAG_REF. What {@code pstats.Stats.dump_stats} would write, loadable
 * by {@code pstats.Stats(path)} with an equal dict in the same order.
 */
public final class MarshalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private MarshalWriter() {}

    /** Writes the pstats dict {@code {(file, line, name): (cc, nc, tt, ct, {caller: (nc, cc, tt, ct) or count})}}. */
    public static void writeStats(Map<FunctionKey, FunctionStats> stats, OutputStream os) throws IOException {
        MarshalWriter w = new MarshalWriter();
        w.out.write('{');
        for (Map.Entry<FunctionKey, FunctionStats> e : stats.entrySet()) {
            w.key(e.getKey());
            FunctionStats s = e.getValue();
            w.tupleHeader(5);
            w.integer(s.cc());
            w.integer(s.nc());
            w.floatValue(s.tt());
            w.floatValue(s.ct());
            w.out.write('{');
            for (Map.Entry<FunctionKey, CallerValue> c : s.callers().entrySet()) {
                w.key(c.getKey());
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
            w.out.write('0');
        }
        w.out.write('0');
        w.out.writeTo(os);
    }

    private void key(FunctionKey k) {
        tupleHeader(3);
        string(k.file());
        integer(k.line());
        string(k.name());
    }

    private void tupleHeader(int n) {
        out.write(')');
        out.write(n);
    }

    private void string(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 128;
        if (ascii && s.length() < 256) {
            out.write('z');
            out.write(s.length());
            for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
        } else {
            byte[] b = Utf8.encodeSurrogatePass(s);
            out.write('u');
            int32(b.length);
            out.write(b, 0, b.length);
        }
    }

    private void integer(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('i');
            int32((int) v);
            return;
        }
        out.write('l');
        BigInteger mag = BigInteger.valueOf(v).abs();
        int ndigits = (mag.bitLength() + 14) / 15;
        int32(v < 0 ? -ndigits : ndigits);
        BigInteger mask = BigInteger.valueOf(0x7fff);
        for (int i = 0; i < ndigits; i++) {
            int d = mag.shiftRight(15 * i).and(mask).intValue();
            out.write(d & 0xff);
            out.write((d >>> 8) & 0xff);
        }
    }

    private void floatValue(double d) {
        out.write('g');
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)) & 0xff);
    }

    private void int32(int v) {
        for (int i = 0; i < 4; i++) out.write((v >>> (8 * i)) & 0xff);
    }
}
