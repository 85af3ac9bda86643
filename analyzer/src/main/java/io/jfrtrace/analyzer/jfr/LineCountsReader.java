package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.trace.CoverageResults;
import io.jfrtrace.schema.LineLists;

/**
 * The line counts of a recording ({@code record --lines}; docs/events.md, schema 2.3) as trace's results: every
 * {@code jfrtrace.LineTable} gives a file's executable lines, every {@code jfrtrace.LineCounts} adds its deltas. Each
 * delta is counted once however the chunks fall, so the sum of all of them is the run's counts (there are no
 * checkpoints of line counts yet: a chunk JFR dropped takes its deltas with it).
 */
public final class LineCountsReader implements Source<CoverageResults> {
    private static final String NO_EVENTS = "no jfr-trace line counts (" + OurEvents.LINE_TABLE.name()
            + "); record with --lines";

    private final CoverageResults results = new CoverageResults();

    private LineCountsReader() {
    }

    /** The recording's line counts; fails with a one-line message if it holds none. */
    public static CoverageResults read(Path file) throws IOException {
        Recording recording = Recording.open(file);
        if (!recording.mayDeclare(OurEvents.LINE_TABLE.name())) {
            throw new NoEventsException(file, NO_EVENTS);
        }
        LineCountsReader reader = new LineCountsReader();
        try {
            recording.read(List.of(reader));
        } catch (IllegalArgumentException e) { // a line list that is not one (LineLists)
            throw new RecordingException(file, e.getMessage());
        }
        if (reader.results.isEmpty()) {
            throw new NoEventsException(file, NO_EVENTS);
        }
        return reader.results;
    }

    @Override
    public CoverageResults chunk(Handlers on) {
        CoverageResults part = new CoverageResults();
        on.on(OurEvents.LINE_TABLE, (e, symbols) -> part.addExecutable(e.file, LineLists.parseLines(e.lines)));
        on.on(OurEvents.LINE_COUNTS, (e, symbols) -> {
            for (Map.Entry<Integer, Long> c : LineLists.parseCounts(e.counts).entrySet()) {
                part.addCount(e.file, c.getKey(), c.getValue());
            }
        });
        return part;
    }

    @Override
    public void add(CoverageResults part) {
        results.update(part);
    }
}
