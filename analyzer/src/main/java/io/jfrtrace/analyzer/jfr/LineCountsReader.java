package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.jfrtrace.analyzer.trace.CoverageResults;
import io.jfrtrace.schema.LineLists;

/**
 * The line counts of a recording ({@code record --lines}; docs/events.md, schema 2.3) as trace's results, read as the
 * call profile is ({@link CheckpointRead}): per recording in the file, its last complete checkpoint of the line counts
 * ({@code jfrtrace.LineTotals}, schema 2.4: each class's executable lines and counts since the run began) plus the
 * {@code jfrtrace.LineCounts} deltas of the flushes after it; without one (a recording before 2.4, or a run cut short
 * before its first chunk ended), all its deltas. Executable lines are the union of the {@code jfrtrace.LineTable}s
 * and the checkpoint's lines.
 */
public final class LineCountsReader implements CheckpointRead.Totals<LineCountsReader.Part> {
    private static final String NO_EVENTS = "no jfr-trace line counts (" + OurEvents.LINE_TABLE.name()
            + "); record with --lines";

    private final CoverageResults results = new CoverageResults();

    private LineCountsReader() {
    }

    /** One chunk's counts and lines, and how many entries of its plan's checkpoint it read. */
    static final class Part {
        private final CoverageResults results = new CoverageResults();
        private long entries;
    }

    /** The recording's line counts; fails with a one-line message if it holds none. */
    public static CoverageResults read(Path file) throws IOException {
        Recording recording = Recording.open(file);
        if (!recording.mayDeclare(OurEvents.LINE_TABLE.name())) {
            throw new NoEventsException(file, NO_EVENTS);
        }
        LineCountsReader reader;
        try {
            reader = CheckpointRead.read(recording, CheckpointKind.LINES, LineCountsReader::new);
        } catch (IllegalArgumentException e) { // a line list that is not one (LineLists)
            throw new RecordingException(file, e.getMessage());
        }
        if (reader.results.isEmpty()) {
            throw new NoEventsException(file, NO_EVENTS);
        }
        return reader.results;
    }

    @Override
    public Part chunk(Handlers on, CheckpointIndex.ChunkPlan plan) {
        Part part = new Part();
        long after = plan.afterFlush();
        CheckpointIndex.Checkpoint cp = plan.checkpoint();
        // a table is the same whenever it was written: every one of the chunks read counts
        on.on(OurEvents.LINE_TABLE, (e, symbols) -> part.results.addExecutable(e.file, LineLists.parseLines(e.lines)));
        // in the checkpoint's chunk, the deltas written before its header are its own (as in ProfileReader)
        on.on(OurEvents.LINE_COUNTS, (e, symbols) -> {
            if (e.flush > after) {
                addCounts(part.results, e.file, e.counts);
            }
        }, cp == null ? Long.MIN_VALUE : cp.startTicks());
        if (cp != null) {
            on.on(OurEvents.LINE_TOTALS, (e, symbols) -> {
                if (e.checkpoint == cp.id()) {
                    part.results.addExecutable(e.file, LineLists.parseLines(e.lines));
                    addCounts(part.results, e.file, e.counts);
                    part.entries++;
                }
            });
        }
        return part;
    }

    private static void addCounts(CoverageResults results, String file, String counts) {
        for (Map.Entry<Integer, Long> c : LineLists.parseCounts(counts).entrySet()) {
            results.addCount(file, c.getKey(), c.getValue());
        }
    }

    @Override
    public long entries(Part part) {
        return part.entries;
    }

    @Override
    public void fold(Part part) {
        results.update(part.results);
    }
}
