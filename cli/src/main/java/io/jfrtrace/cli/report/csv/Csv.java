package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import io.jfrtrace.analyzer.python.PyFormat;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Traceback;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** What the CSV reports share: RFC 4180 with a header row and {@code \n} line ends, and how values are spelled. */
final class Csv {
    private Csv() {
    }

    static CSVPrinter printer(Appendable out, List<String> header) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get()
                .print(out);
    }

    /** Seconds as Python's repr of the float: the shortest text that reads back as the same double. */
    static String seconds(double s) {
        return PyFormat.reprFloat(s);
    }

    /** An unknown number is an empty cell, never a measured 0. */
    static Object known(boolean known, long value) {
        return known ? value : "";
    }

    /** The columns a tracemalloc statistic is grouped by: its line, its file, or its whole traceback. */
    static List<String> keyColumns(KeyType key) {
        return switch (key) {
            case LINENO -> List.of("filename", "lineno");
            case FILENAME -> List.of("filename");
            case TRACEBACK -> List.of("traceback");
        };
    }

    static List<Object> keyCells(KeyType key, Traceback traceback) {
        return switch (key) {
            case LINENO -> List.of(traceback.get(0).filename(), traceback.get(0).lineno());
            case FILENAME -> List.of(traceback.get(0).filename());
            case TRACEBACK -> List.of(frames(traceback));
        };
    }

    /** {@code file:line} frames joined by {@code ;}, oldest first (as {@code alloc --csv} writes them). */
    static String frames(Traceback traceback) {
        return traceback.frames().stream().map(f -> f.filename() + ":" + f.lineno()).collect(Collectors.joining(";"));
    }
}
