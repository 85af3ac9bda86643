package io.jfrtrace.analyzer.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's number formatting ({@code %.Nf}, {@code %+.Nf}, {@code %W.Nf}, {@code %.Ng}, {@code repr(float)}),
 * reproduced byte for byte: rounding is done on the exact binary value of the double, ties to even.
 * Never use {@link String#format} for these: it rounds the shortest decimal half-up.
 */
public final class PyFormat {
    private PyFormat() {}

    /** {@code "%.{precision}f" % x}. */
    public static String fixed(double x, int precision) {
        return fixed(x, precision, 0, false);
    }

    /** {@code "%+.{precision}f" % x} when {@code plus}, else {@code "%.{precision}f" % x}, right-justified to {@code width}. */
    public static String fixed(double x, int precision, int width, boolean plus) {
        if (precision < 0) throw new IllegalArgumentException("precision < 0");
        String body;
        boolean negative = (Double.doubleToRawLongBits(x) < 0) && !Double.isNaN(x);
        if (Double.isNaN(x)) {
            body = "nan";
        } else if (Double.isInfinite(x)) {
            body = "inf";
        } else {
            body = exactFixed(Math.abs(x), precision);
            if (body == null) {
                BigDecimal bd = new BigDecimal(x).abs().setScale(precision, RoundingMode.HALF_EVEN);
                body = bd.toPlainString();
            }
        }
        String sign = negative ? "-" : (plus ? "+" : "");
        return PyStr.rjust(sign + body, width);
    }

    /** 10^0 .. 10^3: below 2^10, so a double's 53-bit significand times one fits a long. */
    private static final long[] POWERS = {1, 10, 100, 1000};

    /**
     * {@code "%.{precision}f"} of a finite {@code x >= 0} without BigDecimal, for precision 0-3 (pstats' columns print
     * thousands of them): x = m * 2^e exactly, so x * 10^p = m * 10^p * 2^e, whose integer part and the rounding of
     * the rest (half to even on the exact value, as Python rounds) take shifts of a long. Null where the value does
     * not fit (x of 2^53 and more).
     */
    private static String exactFixed(double x, int precision) {
        if (precision >= POWERS.length || x >= 0x1p53) {
            return null;
        }
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52 & 0x7FF);
        long significand = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) {
            exponent = 1; // subnormal
        } else {
            significand |= 1L << 52;
        }
        int shift = 1075 - exponent; // x = significand * 2^-shift
        long scaled = significand * POWERS[precision];
        long units;
        if (shift <= 0) {
            units = scaled << -shift; // x < 2^53: no overflow
        } else if (shift >= 64) {
            units = 0; // below 2^-11: far under half a unit of 10^-3
        } else {
            units = scaled >>> shift;
            long rest = shift == 63 ? scaled & Long.MAX_VALUE : scaled & (1L << shift) - 1;
            long half = 1L << (shift - 1);
            if (rest > half || rest == half && (units & 1) != 0) {
                units++;
            }
        }
        String digits = Long.toString(units);
        if (precision == 0) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + 2);
        for (int pad = digits.length(); pad <= precision; pad++) {
            b.append('0');
        }
        b.append(digits);
        b.insert(b.length() - precision, '.');
        return b.toString();
    }

    /** pstats' {@code f8(x)}: {@code "%8.3f" % x}. */
    public static String f8(double x) {
        return fixed(x, 3, 8, false);
    }

    /** {@code "%.{precision}g" % x} (precision 0 is treated as 1, like Python). */
    public static String general(double x, int precision) {
        if (Double.isNaN(x)) return "nan";
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        String sign = negative ? "-" : "";
        if (Double.isInfinite(x)) return sign + "inf";
        int p = precision == 0 ? 1 : precision;
        if (x == 0.0) return sign + "0";
        BigDecimal rounded = new BigDecimal(x).abs().round(new MathContext(p, RoundingMode.HALF_EVEN));
        // decimal exponent of the rounded value: rounded = d.ddd * 10^exp
        int exp = rounded.precision() - rounded.scale() - 1;
        String digits = rounded.unscaledValue().toString();
        // pad digits to p significant digits
        StringBuilder ds = new StringBuilder(digits);
        while (ds.length() < p) ds.append('0');
        if (ds.length() > p) ds.setLength(p); // trailing zeros from unscaled value beyond p
        String d = ds.toString();
        String out;
        if (exp < -4 || exp >= p) {
            String mant = d.length() > 1 ? d.charAt(0) + "." + d.substring(1) : d;
            mant = stripFraction(mant);
            out = mant + "e" + (exp < 0 ? "-" : "+") + pad2(Math.abs(exp));
        } else if (exp >= 0) {
            String intPart = d.substring(0, exp + 1);
            String frac = d.substring(exp + 1);
            out = stripFraction(frac.isEmpty() ? intPart : intPart + "." + frac);
        } else {
            out = stripFraction("0." + "0".repeat(-exp - 1) + d);
        }
        return sign + out;
    }

    private static String stripFraction(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static String pad2(int e) {
        return e < 10 ? "0" + e : Integer.toString(e);
    }

    /** Python's {@code repr(float)}: the shortest string that round-trips, in Python's layout. */
    public static String reprFloat(double x) {
        if (Double.isNaN(x)) return "nan";
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        String sign = negative ? "-" : "";
        if (Double.isInfinite(x)) return sign + "inf";
        if (x == 0.0) return sign + "0.0";
        BigDecimal exact = new BigDecimal(x).abs();
        BigDecimal shortest = null;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == Math.abs(x)) {
                shortest = r;
                break;
            }
        }
        if (shortest == null) shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.digits * 10^decpt
        int decpt = digits.length() - shortest.scale();
        String out;
        if (decpt <= -4 || decpt > 16) {
            int e = decpt - 1;
            String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            out = mant + "e" + (e < 0 ? "-" : "+") + pad2(Math.abs(e));
        } else if (decpt <= 0) {
            out = "0." + "0".repeat(-decpt) + digits;
        } else if (decpt >= digits.length()) {
            out = digits + "0".repeat(decpt - digits.length()) + ".0";
        } else {
            out = digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        return sign + out;
    }
}
