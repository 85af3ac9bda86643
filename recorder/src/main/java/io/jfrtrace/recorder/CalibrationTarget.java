package io.jfrtrace.recorder;

/**
 * The code {@code --calibrate} times with and without the profiler's hooks (see Calibration), as profile.py's
 * calibrate times its {@code f(m)} calling {@code f1}: a loop of calls to a leaf that does almost nothing. Defined
 * twice in loaders of Calibration's own, never called as this class.
 */
public final class CalibrationTarget {
    private CalibrationTarget() {
    }

    /** {@code m} calls of the leaf. */
    public static long f(int m) {
        long s = 0;
        for (int i = 0; i < m; i++) {
            s += f1(i);
        }
        return s;
    }

    static int f1(int i) {
        return i ^ (i >>> 3);
    }
}
