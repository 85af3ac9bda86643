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
            BigDecimal bd = new BigDecimal(x).abs().setScale(precision, RoundingMode.HALF_EVEN);
            body = bd.toPlainString();
        }
        String sign = negative ? "-" : (plus ? "+" : "");
        return PyStr.rjust(sign + body, width);
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
