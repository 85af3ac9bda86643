package io.jfrtrace.analyzer.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** PyFormat.fixed's long arithmetic against the exact BigDecimal rounding it stands in for. */
class FixedFastPathTest {
    private static String exact(double x, int precision) {
        String body = new BigDecimal(x).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return (Double.doubleToRawLongBits(x) < 0 ? "-" : "") + body;
    }

    @Test
    void everyMagnitudeAndEveryTieRoundsAsTheExactValueDoes() {
        Random random = new Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 8);
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FFFFFFFFFFFFFFFL);
                case 2 -> (random.nextInt(2_000_000) + 0.5) / Math.pow(10, random.nextInt(4)); // ties and near-ties
                default -> Math.scalb((double) random.nextInt(1 << 20), -random.nextInt(80));
            };
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            int precision = random.nextInt(4);
            double signed = random.nextBoolean() ? -x : x;
            assertEquals(exact(signed, precision), PyFormat.fixed(signed, precision), "x=" + signed + " p=" + precision);
        }
        for (double x : new double[] {0.0, Double.MIN_VALUE, 0x1p-11, 0x1p-12, 0x1p53 - 1, 0x1p53, 0.0005, 0.0015}) {
            for (int p = 0; p < 4; p++) {
                assertEquals(exact(x, p), PyFormat.fixed(x, p), "x=" + x + " p=" + p);
            }
        }
    }
}
