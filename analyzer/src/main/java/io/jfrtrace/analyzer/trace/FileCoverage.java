package io.jfrtrace.analyzer.trace;

import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One source file's part of the results.
 *
 * @param file       the file as the recording names it ({@code com/example/Demo.java})
 * @param hits       line to count, for the lines that ran
 * @param executable the lines that hold code (CPython's {@code lnotab}), whether they ran or not
 */
public record FileCoverage(String file, SortedMap<Integer, Long> hits, SortedSet<Integer> executable) {
}
