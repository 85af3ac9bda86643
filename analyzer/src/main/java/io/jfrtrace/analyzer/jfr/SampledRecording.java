package io.jfrtrace.analyzer.jfr;

import java.util.List;

import io.jfrtrace.analyzer.stacks.StackSamples;

/**
 * A recording's samples of one kind, by stack, and how they were taken.
 *
 * @param stacks   the samples by stack (root first); weights in nanoseconds, or in bytes for {@link SampleKind#ALLOC}
 * @param kind     what was sampled
 * @param events   the event types the samples came from (those that held any)
 * @param settings how the JVM sampled them, as its settings say ({@code 20 ms}), one per event type that has one
 */
public record SampledRecording(StackSamples stacks, SampleKind kind, List<String> events, List<String> settings) {
    public SampledRecording {
        events = List.copyOf(events);
        settings = List.copyOf(settings);
    }

    /** How many samples. */
    public long count() {
        return stacks.samples();
    }

    /** What was sampled and how, for a header: {@code jdk.ExecutionSample, 20 ms}. */
    public String description() {
        List<String> names = events.isEmpty() ? kind.eventNames() : events;
        StringBuilder sb = new StringBuilder(String.join(" + ", names));
        if (!settings.isEmpty()) {
            sb.append(", ").append(String.join(" / ", settings));
        }
        return sb.toString();
    }
}
