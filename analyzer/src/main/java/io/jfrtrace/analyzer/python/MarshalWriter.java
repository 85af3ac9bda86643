package io.jfrtrace.analyzer.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;

/**
 * A minimal writer of CPython's marshal format (version 4 subset): dicts, small tuples, ASCII/UTF-8 strings,
 * int32/long ints and binary floats. Never sets FLAG_REF. What {@code pstats.Stats.dump_stats} would write, loadable
 * by {@code pstats.Stats(path)} with an equal dict in the same order.
 */
public final class MarshalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts a dict; entries are key then value, ended by {@link #endDict()}. */
    public void startDict() {
        out.write('{');
    }

    /** Ends a dict (marshal's NULL). */
    public void endDict() {
        out.write('0');
    }

    /** Everything written so far, to {@code os}. */
    public void writeTo(OutputStream os) throws IOException {
        out.writeTo(os);
    }

    /** A tuple of {@code n} items (the small-tuple form: n < 256); the items follow. */
    public void tupleHeader(int n) {
        out.write(')');
        out.write(n);
    }

    public void string(String s) {
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

    public void integer(long v) {
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

    public void floatValue(double d) {
        out.write('g');
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)) & 0xff);
    }

    private void int32(int v) {
        for (int i = 0; i < 4; i++) out.write((v >>> (8 * i)) & 0xff);
    }
}
