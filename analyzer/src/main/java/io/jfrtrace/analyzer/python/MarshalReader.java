package io.jfrtrace.analyzer.python;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A reader of CPython's marshal format, for the data objects a {@code .pstats} file holds. Handles FLAG_REF and
 * {@code r} back-references. Objects map to: dict → {@link LinkedHashMap}, tuple/list → unmodifiable {@link List},
 * str → {@link String}, int → {@link Long} (or {@link BigInteger} when it does not fit), float → {@link Double},
 * bytes → {@code byte[]}, None → {@link #NONE}, bool → {@link Boolean}, set/frozenset → {@link LinkedHashSet}.
 */
public final class MarshalReader {
    /** Python's {@code None}. */
    public static final Object NONE = new Object() {
        @Override public String toString() { return "None"; }
    };
    /** Constants a code object may hold; only their presence matters here. */
    private static final Object ELLIPSIS = new Object();
    private static final Object STOP_ITERATION = new Object();
    private static final Object COMPLEX = new Object();
    private static final Object NULL = new Object();
    private static final int FLAG_REF = 0x80;

    private final byte[] data;
    private int pos;
    private final List<Object> refs = new ArrayList<>();

    private MarshalReader(byte[] data) {
        this.data = data;
    }

    /** Reads one object (like {@code marshal.loads}; trailing bytes are ignored as {@code marshal.load} does). */
    public static Object read(byte[] data) throws IOException {
        MarshalReader r = new MarshalReader(data);
        Object o = r.object();
        if (o == NULL) throw new IOException("bad marshal data (NULL object)");
        return o;
    }

    private Object object() throws IOException {
        int code = u8();
        boolean flag = (code & FLAG_REF) != 0;
        int type = code & ~FLAG_REF;
        int idx = -1;
        if (flag) {
            idx = refs.size();
            refs.add(null);
        }
        Object result;
        switch (type) {
            case '0': result = NULL; break;
            case 'N': result = NONE; break;
            case 'F': result = Boolean.FALSE; break;
            case 'T': result = Boolean.TRUE; break;
            case 'i': result = (long) int32(); break;
            case 'l': result = bigInt(); break;
            case 'g': result = Double.longBitsToDouble(int64()); break;
            case 'f': {
                int n = u8();
                result = Double.parseDouble(new String(bytes(n), StandardCharsets.US_ASCII));
                break;
            }
            case 'z': case 'Z': result = new String(bytes(u8()), StandardCharsets.ISO_8859_1); break;
            case 'a': case 'A': result = new String(bytes(length()), StandardCharsets.ISO_8859_1); break;
            case 'u': case 't':
                try {
                    result = Utf8.decodeSurrogatePass(bytes(length()));
                } catch (IllegalArgumentException e) {
                    throw new IOException("bad marshal data (" + e.getMessage() + ")", e);
                }
                break;
            case 's': result = bytes(length()); break;
            case ')': result = sequence(u8()); break;
            case '(': case '[': result = sequence(length()); break;
            case '{': {
                Map<Object, Object> map = new LinkedHashMap<>();
                if (flag) refs.set(idx, map);
                while (true) {
                    Object k = object();
                    if (k == NULL) break;
                    Object v = object();
                    if (v == NULL) break;
                    map.put(k, v);
                }
                result = map;
                break;
            }
            case '<': case '>': {
                int n = length();
                LinkedHashSet<Object> set = new LinkedHashSet<>();
                if (flag) refs.set(idx, set);
                for (int i = 0; i < n; i++) set.add(nonNull(object()));
                result = set;
                break;
            }
            case 'c': result = code(); break;
            case '.': result = ELLIPSIS; break;
            case 'S': result = STOP_ITERATION; break;
            case 'y': bytes(16); result = COMPLEX; break;
            case 'x': bytes(u8()); bytes(u8()); result = COMPLEX; break;
            case 'r': {
                int n = int32();
                if (n < 0 || n >= refs.size() || refs.get(n) == null) {
                    throw new IOException("bad marshal data (invalid reference " + n + ")");
                }
                result = refs.get(n);
                break;
            }
            default:
                throw new IOException(String.format("bad marshal data (unsupported type code 0x%02x at offset %d)",
                        code, pos - 1));
        }
        if (flag) refs.set(idx, result);
        return result;
    }

    /**
     * A code object ({@code python -m profile -o} keys the script by one): Python 3.11+ writes 5 ints (argcount,
     * posonlyargcount, kwonlyargcount, stacksize, flags), then code, consts, names, localsplusnames,
     * localspluskinds, filename, name, qualname, firstlineno, linetable, exceptiontable; 3.8-3.10 write 6 ints (with
     * nlocals), then code, consts, names, varnames, freevars, cellvars, filename, name, firstlineno, lnotab. The code
     * itself is bytes either way, which tells the two apart.
     */
    private PyCode code() throws IOException {
        int start = pos - 1;
        for (int i = 0; i < 5; i++) int32();
        boolean py311 = pos < data.length && (data[pos] & 0x7f) == 's';
        if (!py311) int32();
        if (!(object() instanceof byte[])) throw new IOException("bad marshal data (code object at offset " + start + ")");
        int before = py311 ? 4 : 5; // consts, names, ... up to the filename
        for (int i = 0; i < before; i++) nonNull(object());
        Object filename = object();
        Object name = object();
        if (py311) nonNull(object()); // qualname
        int firstLineNo = int32();
        nonNull(object()); // linetable / lnotab
        if (py311) nonNull(object()); // exceptiontable
        if (!(name instanceof String n) || !(filename instanceof String || filename == NONE)) {
            throw new IOException("bad marshal data (code object at offset " + start + " of an unknown Python version)");
        }
        return new PyCode(n, filename instanceof String f ? f : null, firstLineNo, start);
    }

    private List<Object> sequence(int n) throws IOException {
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(nonNull(object()));
        return Collections.unmodifiableList(items);
    }

    private Object nonNull(Object o) throws IOException {
        if (o == NULL) throw new IOException("bad marshal data (NULL object in container)");
        return o;
    }

    private Object bigInt() throws IOException {
        int n = int32();
        int size = Math.abs(n);
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            int d = u8() | (u8() << 8);
            if (d > 0x7fff) throw new IOException("bad marshal data (digit out of range in long)");
            v = v.or(BigInteger.valueOf(d).shiftLeft(15 * i));
        }
        if (n < 0) v = v.negate();
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private int length() throws IOException {
        int n = int32();
        if (n < 0) throw new IOException("bad marshal data (negative size)");
        return n;
    }

    private byte[] bytes(int n) throws IOException {
        if (n > data.length - pos) throw new IOException("EOF read where object expected");
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    private int u8() throws IOException {
        if (pos >= data.length) throw new IOException("EOF read where object expected");
        return data[pos++] & 0xff;
    }

    private int int32() throws IOException {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    private long int64() throws IOException {
        long lo = int32() & 0xffffffffL;
        long hi = int32() & 0xffffffffL;
        return lo | (hi << 32);
    }
}
