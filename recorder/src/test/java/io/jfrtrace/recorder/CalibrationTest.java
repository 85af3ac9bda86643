package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import org.junit.jupiter.api.Test;

/** What --calibrate measures, and how it splits a call's measured cost between the caller's time and the callee's own. */
class CalibrationTest {
    /** The cost taken out is that of the hooks the program's calls run, CalibratedProfiler's (Profiler's before). */
    @Test
    void theMeasuredTargetRunsTheCalibratedHooks() throws Exception {
        Set<String> owners = new TreeSet<>();
        new ClassReader(Calibration.woven(Calibration.target())).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String mname, String mdesc, boolean itf) {
                        if (owner.startsWith("io/jfrtrace/runtime/")) {
                            owners.add(owner);
                        }
                    }
                };
            }
        }, 0);
        assertEquals(Set.of("io/jfrtrace/runtime/CalibratedProfiler"), owners);
    }

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
