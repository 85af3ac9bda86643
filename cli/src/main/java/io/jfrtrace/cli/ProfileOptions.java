package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import io.jfrtrace.analyzer.jfr.CallProfileReader;
import io.jfrtrace.analyzer.jfr.MethodTimings;
import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.ReadProgress;
import io.jfrtrace.analyzer.jfr.SampleFilter;
import io.jfrtrace.analyzer.jfr.SampleKind;
import io.jfrtrace.analyzer.jfr.SampledRecording;
import io.jfrtrace.analyzer.jfr.SampledStacks;
import io.jfrtrace.analyzer.jfr.TimeBound;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.pstats.Sampling;
import io.jfrtrace.analyzer.pstats.SourceFile;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.analyzer.stacks.SampledProfile;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.convert.Glob;
import io.jfrtrace.cli.output.ProgressLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which profile of a recording to show ({@code --profile}) and which of its samples ({@code --thread}, {@code --from},
 * {@code --to}, {@code --lines}): a picocli mixin, so that every command reading profiles takes the same options.
 */
public final class ProfileOptions {
    /** {@code --profile calls}: jfr-trace's exact call events. */
    static final String CALLS = "calls";
    /** {@code --profile method-timing}: JDK 25's exact counts of the timed methods. */
    static final String METHOD_TIMING = "method-timing";

    @Option(names = "--profile", paramLabel = "KIND", completionCandidates = Kinds.class, converter = KindConverter.class,
            description = {"What to profile: calls (jfr-trace's exact call events), cpu (jdk.ExecutionSample), "
                    + "cpu-time (JDK 25's jdk.CPUTimeSample), wall (execution and native-method samples), alloc "
                    + "(allocation samples, or the TLAB events, weighted by bytes: the time columns are MB), lock "
                    + "(jdk.JavaMonitorEnter and jdk.ThreadPark durations), method-timing (JDK 25's jdk.MethodTiming: "
                    + "exact counts of the timed methods, cumtime from their average time).",
                    "Default: calls when the recording has them, else cpu (and the first line on stderr says so). In a "
                            + "sampled profile ncalls counts samples, and tottime/cumtime are what they stand for."})
    String kind;

    @Option(names = "--thread", paramLabel = "GLOB", converter = Converters.Globs.class,
            description = "Keep only the samples of threads whose name matches GLOB (repeatable; sampled profiles).")
    List<Glob> threads = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME", converter = TimeBounds.class,
            description = "Keep only samples from TIME on: seconds from the recording's start, or a clock time HH:MM:SS.")
    TimeBound from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeBounds.class,
            description = "Keep only samples up to TIME (as --from).")
    TimeBound to;

    @Option(names = "--lines", description = "Key functions by the sampled line instead of the method (sampled profiles).")
    boolean lines;

    @Option(names = "--quiet", description = "No progress line on stderr (shown when stderr is a terminal and a read "
            + "takes more than a second).")
    boolean quiet;

    ReadProgress progress(PrintWriter err, Path file) {
        return ProgressLine.of(err, command() + ": reading " + file, quiet);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** How messages name the command that reads ({@code jfr-trace stats}, {@code jfr-trace compare}). */
    private String command() {
        return mixee == null ? "jfr-trace" : mixee.qualifiedName();
    }

    /** The sampled kind chosen, or null for exact calls or method timing (or nothing chosen). */
    SampleKind sampled() {
        return kind == null ? null : SampleKind.named(kind);
    }

    boolean methodTiming() {
        return METHOD_TIMING.equals(kind);
    }

    boolean chosen() {
        return kind != null;
    }

    SampleFilter filter() {
        List<Predicate<String>> names = new ArrayList<>();
        for (Glob g : threads) {
            names.add(g::matches);
        }
        return new SampleFilter(names, from, to, lines);
    }

    /**
     * The profile of one recording: its exact calls, or its samples of the chosen kind; with no kind chosen, the calls,
     * else (a recording without jfr-trace's call events) its CPU samples, which a line on {@code err} announces.
     */
    Stats load(Path file, SourceFile source, PrintWriter err) throws IOException {
        if (methodTiming()) {
            return methodTimings(file, source, err);
        }
        SampleKind sampled = sampled();
        SampledRecording samples;
        if (sampled != null) {
            samples = samples(file, sampled, err);
        } else {
            try {
                CallProfileReader.CallProfile calls = CallProfileReader.read(file, progress(err, file));
                return Stats.fromTable(calls.table(), List.of(source)).timedBy(calls.basis());
            } catch (NoEventsException e) {
                if (chosen()) {
                    throw e.withAdvice("record the program with 'jfr-trace record' to profile its calls, or choose "
                            + "samples with --profile cpu|wall|alloc|lock");
                }
            }
            sampled = SampleKind.CPU;
            try {
                samples = samples(file, sampled, err);
            } catch (NoEventsException none) {
                throw new NoEventsException(file, "no jfr-trace call-profile events and no jdk.ExecutionSample events")
                        .withAdvice("record the program with 'jfr-trace record' to profile its calls");
            }
            // said once the samples are read: a recording that cannot be read gets its one line alone
            err.println(command() + ": " + file + " has no jfr-trace call events: showing its CPU samples "
                    + "(--profile cpu; --profile chooses another kind)");
            err.flush();
        }
        return Stats.fromTable(SampledProfile.of(columns(samples)), List.of(source))
                .sampledAs(Sampling.samples(samples.count(), samples.description(), sampled.unit().word()));
    }

    /** JDK 25's method timing: exact counts, cumtime from the average time, no tottime. */
    private Stats methodTimings(Path file, SourceFile source, PrintWriter err) throws IOException {
        ProfileTable table = MethodTimings.read(file, progress(err, file));
        if (table.functions().isEmpty()) {
            throw new NoEventsException(file, "no jdk.MethodTiming events").withAdvice("time methods with "
                    + "-XX:StartFlightRecording:method-timing=CLASS::METHOD (JDK 25)");
        }
        long calls = table.functions().values().stream().mapToLong(ProfileTable.Counters::callCount).sum();
        return Stats.fromTable(table, List.of(source)).sampledAs(Sampling.calls(calls, "jdk.MethodTiming: "
                + table.functions().size() + " timed methods, exact counts; cumtime = calls x average time, "
                + "tottime not measured"));
    }

    /** The recording's samples of {@code kind}; a recording without any is a {@link NoEventsException}. */
    SampledRecording samples(Path file, SampleKind kind, PrintWriter err) throws IOException {
        SampledRecording samples = SampledStacks.read(file, kind, filter(), progress(err, file));
        if (samples.count() == 0) {
            throw new NoEventsException(file, "no " + String.join(" or ", kind.eventNames()) + " events"
                    + (threads.isEmpty() && from == null && to == null ? "" : " in the threads and times chosen"));
        }
        return samples;
    }

    /** The samples with weights as the time columns show them (bytes as megabytes: 1000 "nanoseconds" a byte). */
    private static StackSamples columns(SampledRecording samples) {
        if (samples.kind().unit() != SampleKind.Unit.MEGABYTES) {
            return samples.stacks();
        }
        StackSamples scaled = new StackSamples();
        samples.stacks().forEach((stack, count, weight) -> scaled.add(stack, count, weight * 1000));
        return scaled;
    }

    /** {@code --profile} names. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> words = new ArrayList<>(List.of(CALLS));
            for (SampleKind k : SampleKind.values()) {
                words.add(k.word());
            }
            words.add(METHOD_TIMING);
            return words.iterator();
        }
    }

    /** {@code --profile KIND}: one of {@link Kinds}. */
    static final class KindConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            for (String word : new Kinds()) {
                if (word.equals(value)) {
                    return value;
                }
            }
            List<String> words = new ArrayList<>();
            new Kinds().forEach(words::add);
            throw new IllegalArgumentException("unknown profile '" + value + "' (" + String.join(", ", words) + ")");
        }
    }

    /** {@code --from}/{@code --to}. */
    static final class TimeBounds implements ITypeConverter<TimeBound> {
        @Override
        public TimeBound convert(String value) {
            return TimeBound.parse(value);
        }
    }
}
