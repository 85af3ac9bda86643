package io.jfrtrace.analyzer.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * The JVM flags a recording holds ({@code jdk.BooleanFlag}, {@code jdk.IntFlag}/{@code jdk.LongFlag}, written at each
 * chunk's start by the stock settings) that fix an array's size in the heap, for JDKs whose
 * {@code jdk.OldObjectSample} has no {@code objectSize} (17 and older) but gives {@code arrayElements}.
 */
final class HeapLayout {
    static final String BOOLEAN_FLAG = "jdk.BooleanFlag";
    static final String INT_FLAG = "jdk.IntFlag";
    static final String LONG_FLAG = "jdk.LongFlag";

    private final Map<String, Object> flags = new HashMap<>();

    /** Keeps the flags this class needs; others are ignored. */
    void flag(String name, Object value) {
        if (name != null && value != null && (name.equals("UseCompressedOops") || name.equals("UseCompressedClassPointers")
                || name.equals("ObjectAlignmentInBytes"))) {
            flags.put(name, value);
        }
    }

    /** Takes the flags another chunk of the recording gave (the same JVM's, or it would not matter). */
    void addAll(HeapLayout other) {
        flags.putAll(other.flags);
    }

    /**
     * The bytes of an array of {@code elements} elements of the class named {@code arrayClass} ({@code byte[]},
     * {@code java.lang.String[]}) in JDK 11-17's layout: a header of mark word, class pointer and length, aligned to 8
     * (16 bytes with compressed class pointers, else 24), the elements, then padding to ObjectAlignmentInBytes.
     * -1 if the class is not an array or the recording lacks a flag it needs.
     */
    long arraySize(String arrayClass, long elements) {
        if (arrayClass == null || !arrayClass.endsWith("[]") || elements < 0) {
            return -1;
        }
        Object ccp = flags.get("UseCompressedClassPointers");
        Object alignment = flags.get("ObjectAlignmentInBytes");
        long element = elementSize(arrayClass.substring(0, arrayClass.length() - 2));
        if (!(ccp instanceof Boolean compressedClasses) || !(alignment instanceof Long align) || element < 0 || align <= 0) {
            return -1;
        }
        long header = compressedClasses ? 16 : 24;
        long bytes = header + elements * element;
        return (bytes + align - 1) / align * align;
    }

    private long elementSize(String component) {
        return switch (component) {
            case "boolean", "byte" -> 1;
            case "char", "short" -> 2;
            case "int", "float" -> 4;
            case "long", "double" -> 8;
            default -> flags.get("UseCompressedOops") instanceof Boolean compressed ? (compressed ? 4 : 8) : -1;
        };
    }
}
