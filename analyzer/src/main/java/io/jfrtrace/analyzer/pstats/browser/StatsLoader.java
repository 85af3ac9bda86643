package io.jfrtrace.analyzer.pstats.browser;

import io.jfrtrace.analyzer.pstats.Stats;

import java.nio.file.Path;

/**
 * {@code pstats.Stats(filename)} for the browser's {@code read} and {@code add}: the caller decides what a file can be
 * (a {@code .pstats} file, a recording). The browser has checked that the file can be opened; any exception's message
 * is what the browser prints.
 */
@FunctionalInterface
public interface StatsLoader {
    /**
     * @param path the file
     * @param name the file's name as typed, which the report's file line shows
     */
    Stats load(Path path, String name) throws Exception;
}
