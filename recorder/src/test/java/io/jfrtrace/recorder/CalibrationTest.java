package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** How --calibrate splits a call's measured cost between the caller's time and the callee's own. */
class CalibrationTest {
    @Test
    void theCalleesPartIsTheLeafsExtraTimeAndTheCallerGetsTheRest() {
        assertArrayEquals(new long[] {30, 9}, Calibration.split(39, 9));
    }

    @Test
    void aLeafMeasuredSlowerThanTheWholeNeverMakesThePartsExceedIt() {
        assertArrayEquals(new long[] {0, 20}, Calibration.split(20, 35)); // before: 0 and 35, 35 taken out of 20
    }

    @Test
    void negativeMeasurementsCountAsNoCost() {
        assertArrayEquals(new long[] {12, 0}, Calibration.split(12, -4));
        assertArrayEquals(new long[] {0, 0}, Calibration.split(-5, 3));
    }
}
