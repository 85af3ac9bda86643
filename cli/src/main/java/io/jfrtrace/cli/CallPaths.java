package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.jfr.SampleKind;
import io.jfrtrace.analyzer.jfr.SampledRecording;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.report.StacksReport;

/**
 * The call paths of recordings (collapsed stacks, flame graphs) for {@code stats} and {@code compare}: an exact call
 * profile has callers and callees but no paths, so for one the JVM's CPU samples in the same recording are read, and
 * stderr says so.
 */
final class CallPaths {
    private CallPaths() {
    }

    /** The sample kind whose paths to draw: the chosen one, or CPU (said on {@code err}) for exact profiles. */
    static SampleKind kind(ProfileOptions profile, String command, String format, PrintWriter err) {
        if (profile.methodTiming()) {
            throw new CliException(ExitCodes.USAGE, "--profile method-timing has no call paths for --format "
                    + format + " (text and csv print it)");
        }
        SampleKind kind = profile.sampled();
        if (kind == null) {
            kind = SampleKind.CPU;
            err.println("jfr-trace " + command + ": the call paths are the JVM's CPU samples in the "
                    + "recording (jdk.ExecutionSample): exact call profiles have none (--profile chooses the samples)");
            err.flush();
        }
        return kind;
    }

    /** The samples of {@code kind} in {@code files}, merged, as a report titled with their count and how they were taken. */
    static StacksReport read(List<Path> files, ProfileOptions profile, SampleKind kind, String format, PrintWriter err)
            throws IOException {
        StackSamples all = new StackSamples();
        List<String> how = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.endsWith(".pstats") || name.endsWith(".prof")) {
                throw new CliException(ExitCodes.BAD_INPUT, p + ": a .pstats file has no call paths; --format "
                        + format + " reads recordings");
            }
            SampledRecording samples = profile.samples(p, kind, err);
            all.merge(samples.stacks());
            if (!how.contains(samples.description())) {
                how.add(samples.description());
            }
        }
        boolean weighted = kind == SampleKind.ALLOC || kind == SampleKind.LOCK;
        return new StacksReport(all, weighted, all.samples() + " samples (" + String.join("; ", how) + ")", unit(kind));
    }

    /** What a drawn value counts: samples, or the weight's unit for weighted kinds. */
    static String unit(SampleKind kind) {
        return kind == SampleKind.ALLOC ? "bytes" : kind == SampleKind.LOCK ? "ns" : "samples";
    }
}
