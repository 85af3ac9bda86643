package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Array sizes in JDK 11-17's heap layout (what {@code Instrumentation.getObjectSize} says on JDK 17). */
class HeapLayoutTest {
    static HeapLayout layout(boolean compressedOops, boolean compressedClassPointers, long alignment) {
        HeapLayout l = new HeapLayout();
        l.flag("UseCompressedOops", compressedOops);
        l.flag("UseCompressedClassPointers", compressedClassPointers);
        l.flag("ObjectAlignmentInBytes", alignment);
        return l;
    }

    @Test
    void theDefaultsOfA64BitJvmWithASmallHeap() {
        HeapLayout l = layout(true, true, 8);
        assertEquals(2048, l.arraySize("byte[]", 2032));
        assertEquals(16, l.arraySize("byte[]", 0));
        assertEquals(24, l.arraySize("byte[]", 1));
        assertEquals(24, l.arraySize("char[]", 3));
        assertEquals(56, l.arraySize("long[]", 5));
        assertEquals(32, l.arraySize("java.lang.String[]", 3));
        assertEquals(32, l.arraySize("int[][]", 3));
    }

    @Test
    void withoutCompressedPointersAndWithAWiderAlignment() {
        assertEquals(48, layout(false, false, 8).arraySize("java.lang.Object[]", 3));
        assertEquals(32, layout(true, true, 16).arraySize("byte[]", 1));
    }

    @Test
    void notAnArrayOrAMissingFlagIsUnknown() {
        assertEquals(-1, layout(true, true, 8).arraySize("com.example.Node", 0));
        assertEquals(-1, layout(true, true, 8).arraySize("byte[]", -2147483648L));
        assertEquals(-1, new HeapLayout().arraySize("byte[]", 10));
    }
}
