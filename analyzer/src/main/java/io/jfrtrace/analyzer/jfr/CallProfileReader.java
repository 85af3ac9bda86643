package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.pstats.TimeBasis;
import io.jfrtrace.analyzer.stacks.EstimatedTimes;
import io.jfrtrace.schema.TimerMode;

/**
 * A recording's call profile as stats shows it: the counts and the times the recorder measured ({@link ProfileReader});
 * with {@code --timer cpu} said to be thread CPU time; with {@code --timer count}, whose recorder read no clock, the
 * exact counts with times estimated from the recording's execution samples ({@link EstimatedTimes}), keyed by the
 * sampled line so that overloads are told apart.
 */
public final class CallProfileReader {
    private CallProfileReader() {
    }

    /**
     * The profile and what its times are.
     *
     * @param table the counts and times (nanoseconds)
     * @param basis what the times measure, or null for wall time
     */
    public record CallProfile(ProfileTable table, TimeBasis basis) {
    }

    /** The call profile; fails with a one-line message if the recording holds none. */
    public static CallProfile read(Path file, ReadProgress progress) throws IOException {
        ProfileReader.Timed timed = ProfileReader.readTimed(file, progress);
        if (timed.timer() == TimerMode.CPU) {
            return new CallProfile(timed.table(), TimeBasis.threadCpuTime(timed.clock() == null ? "cpu" : timed.clock()));
        }
        if (timed.timer() != TimerMode.COUNT) {
            return new CallProfile(timed.table(), null);
        }
        SampledRecording samples = SampledStacks.read(file, SampleKind.CPU, new SampleFilter(List.of(), null, null, true),
                progress);
        EstimatedTimes.Result estimate = EstimatedTimes.of(timed.table(), samples.stacks());
        return new CallProfile(estimate.table(), TimeBasis.estimated(estimate.samples(), samples.description()));
    }
}
