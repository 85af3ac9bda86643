package io.jfrtrace.analyzer.tracemalloc;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A snapshot as CSV: header {@code domain,size,count,total_nframe,frames}, one row per {@link Trace};
 * {@code total_nframe} empty when unknown; {@code frames} is {@code file:line} joined by {@code ;}, oldest first.
 * File names may contain {@code :} (a frame is split at its last {@code :}) but not {@code ;}.
 * The traceback limit is not stored: {@link #read} takes it.
 */
public final class SnapshotCsv {
    private SnapshotCsv() {}

    static final String[] HEADER = {"domain", "size", "count", "total_nframe", "frames"};

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER).setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER).setSkipHeaderRecord(false).get();

    public static void write(Snapshot snapshot, Appendable out) throws IOException {
        write(snapshot, out, t -> true, t -> true);
    }

    /** As {@link #write(Snapshot, Appendable)}, with an empty size or count where the predicates say it is unknown. */
    public static void write(Snapshot snapshot, Appendable out, Predicate<Trace> sizeKnown, Predicate<Trace> countKnown)
            throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, WRITE)) {
            for (Trace t : snapshot.traces()) {
                StringBuilder frames = new StringBuilder();
                for (Frame f : t.traceback().frames()) {
                    if (f.filename().indexOf(';') >= 0) {
                        throw new IllegalArgumentException("cannot write a file name containing ';' to CSV: " + f.filename());
                    }
                    if (frames.length() > 0) frames.append(';');
                    frames.append(f.filename()).append(':').append(f.lineno());
                }
                Integer tn = t.traceback().totalNframe();
                p.printRecord(t.domain(), sizeKnown.test(t) ? t.size() : "", countKnown.test(t) ? t.count() : "",
                        tn == null ? "" : tn.toString(), frames.toString());
            }
            p.flush();
        }
    }

    /** Reads rows written by {@link #write}; {@code tracebackLimit} becomes the snapshot's limit. */
    public static Snapshot read(Reader in, int tracebackLimit) throws IOException {
        List<Trace> traces = new ArrayList<>();
        boolean first = true;
        try {
            for (CSVRecord r : READ.parse(in)) {
                if (first) {
                    first = false;
                    List<String> got = r.toList();
                    if (!got.equals(List.of(HEADER))) {
                        throw new IllegalArgumentException("not a tracemalloc snapshot CSV: header must be "
                                + String.join(",", HEADER) + ", got " + String.join(",", got));
                    }
                    continue;
                }
                traces.add(row(r));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (first) throw new IllegalArgumentException("not a tracemalloc snapshot CSV: empty input");
        return new Snapshot(traces, tracebackLimit);
    }

    /** {@link #read(Reader, int)} with a traceback limit of 1, Python's default. */
    public static Snapshot read(Reader in) throws IOException {
        return read(in, 1);
    }

    private static Trace row(CSVRecord r) {
        long line = r.getRecordNumber();
        if (r.size() != HEADER.length) {
            throw new IllegalArgumentException("CSV record " + line + ": expected " + HEADER.length + " fields, got " + r.size());
        }
        try {
            int domain = Integer.parseInt(r.get(0));
            long size = Long.parseLong(r.get(1));
            long count = Long.parseLong(r.get(2));
            String tn = r.get(3);
            Integer totalNframe = tn.isEmpty() ? null : Integer.valueOf(tn);
            List<Frame> frames = new ArrayList<>();
            String all = r.get(4);
            if (!all.isEmpty()) {
                for (String f : all.split(";", -1)) {
                    int colon = f.lastIndexOf(':');
                    if (colon < 0) throw new IllegalArgumentException("frame without ':line': " + f);
                    frames.add(new Frame(f.substring(0, colon), Integer.parseInt(f.substring(colon + 1))));
                }
            }
            return new Trace(domain, size, count, new Traceback(frames, totalNframe));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CSV record " + line + ": " + e.getMessage(), e);
        }
    }
}
