package io.jfrtrace.analyzer.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Python's {@code trace.CoverageResults}, its counts part: {@code counts[(file, line)]}, summed by {@link #update} as
 * CPython's does for several runs. Beyond CPython it keeps each file's executable lines as the recorder found them
 * (CPython reads them from the source's code objects when it writes the report): a class that was loaded but never
 * run has executable lines and no counts, and is still reported.
 */
public final class CoverageResults {
    /** A line of a file: {@code com/example/Demo.java}, 12. */
    public record LineKey(String file, int line) {
    }

    private final Map<LineKey, Long> counts = new LinkedHashMap<>();
    private final Map<String, SortedSet<Integer>> executable = new LinkedHashMap<>();

    /** Adds {@code n} executions of {@code line} of {@code file}. */
    public void addCount(String file, int line, long n) {
        counts.merge(new LineKey(file, line), n, Long::sum);
    }

    /** Notes executable lines of {@code file} (the union over its classes and recordings). */
    public void addExecutable(String file, int[] lines) {
        SortedSet<Integer> set = executable.computeIfAbsent(file, f -> new TreeSet<>());
        for (int line : lines) {
            set.add(line);
        }
    }

    /** Merges {@code other} into this one: counts add up, executable lines join ({@code CoverageResults.update}). */
    public void update(CoverageResults other) {
        other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
        other.executable.forEach((f, lines) -> executable.computeIfAbsent(f, k -> new TreeSet<>()).addAll(lines));
    }

    public Map<LineKey, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && executable.isEmpty();
    }

    /**
     * Per file, its hits and executable lines: the files with counts in the order their first count came
     * ({@code write_results}' per_file), then those with executable lines only.
     */
    public List<FileCoverage> perFile() {
        Map<String, SortedMap<Integer, Long>> hits = new LinkedHashMap<>();
        counts.forEach((k, n) -> hits.computeIfAbsent(k.file(), f -> new TreeMap<>()).put(k.line(), n));
        LinkedHashSet<String> files = new LinkedHashSet<>(hits.keySet());
        files.addAll(executable.keySet());
        List<FileCoverage> result = new ArrayList<>();
        for (String f : files) {
            result.add(new FileCoverage(f, Collections.unmodifiableSortedMap(hits.getOrDefault(f, new TreeMap<>())),
                    Collections.unmodifiableSortedSet(executable.getOrDefault(f, new TreeSet<>()))));
        }
        return result;
    }
}
