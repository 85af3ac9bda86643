package io.jfrtrace.analyzer.jfr;

import java.util.HashMap;
import java.util.Map;

import io.jfrtrace.analyzer.tracemalloc.Frame;

/**
 * The sizes of objects the JVM's old-object sampler measured, to turn the bytes of allocation samples into objects.
 * An instance of a class always has the same size; an array's depends on its length, so for arrays only samples
 * of the same allocation site (most recent frame) count, and their mean size is taken.
 */
final class ObjectSizes {
    private record Site(String className, Frame top) {
    }

    private final Map<Site, long[]> bySite = new HashMap<>();
    private final Map<String, Long> byClass = new HashMap<>();

    /** One measured object; {@code top} null when the sample has no stack trace. */
    void add(String className, Frame top, long size) {
        if (size <= 0) {
            return;
        }
        if (top != null) {
            long[] sumCount = bySite.computeIfAbsent(new Site(className, top), k -> new long[2]);
            sumCount[0] += size;
            sumCount[1]++;
        }
        if (!className.endsWith("[]")) {
            byClass.put(className, size);
        }
    }

    /** The (mean) size of an object of this class allocated at {@code top}, or -1 if no sample tells. */
    double of(String className, Frame top) {
        long[] sumCount = bySite.get(new Site(className, top));
        if (sumCount != null) {
            return (double) sumCount[0] / sumCount[1];
        }
        Long size = byClass.get(className);
        return size == null ? -1 : size;
    }
}
