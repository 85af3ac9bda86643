package io.jfrtrace.analyzer.trace;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * One source file's part of the results.
 *
 * @param file       the file as the recording names it ({@code com/example/Demo.java})
 * @param hits       line to count, for the lines that ran
 * @param executable the lines that hold code (CPython's {@code lnotab}), whether they ran or not
 */
public record FileCoverage(String file, SortedMap<Integer, Long> hits, SortedSet<Integer> executable) {
    /** Every executable or counted line with its count, 0 for those that never ran. */
    public SortedMap<Integer, Long> allLines() {
        SortedMap<Integer, Long> all = new TreeMap<>(hits);
        executable.forEach(l -> all.putIfAbsent(l, 0L));
        return all;
    }

    /** The same counts under another name (the path its source was found at). */
    public FileCoverage named(String name) {
        return new FileCoverage(name, hits, executable);
    }
}
