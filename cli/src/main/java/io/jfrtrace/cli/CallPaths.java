package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.jfr.CallTreeReader;
import io.jfrtrace.analyzer.jfr.SampleKind;
import io.jfrtrace.analyzer.jfr.SampledRecording;
import io.jfrtrace.analyzer.stacks.CallTree;
import io.jfrtrace.analyzer.stacks.StackSamples;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.report.StacksReport;

/**
 * The call paths of recordings (collapsed stacks, flame graphs) for {@code stats} and {@code compare}: the exact paths
 * of recordings made with {@code record --call-tree}; else, as an exact call profile has callers and callees but no
 * paths, the JVM's CPU samples in the same recording, and stderr says so.
 */
final class CallPaths {
    private CallPaths() {
    }

    /**
     * Whether {@code files} are to be drawn by their exact call paths: no sampled kind chosen, and every file a
     * recording made with {@code --call-tree} (a look at its metadata, no read). The options that choose samples are
     * then a usage error: the exact paths have no threads, times or lines.
     */
    static boolean exact(List<Path> files, ProfileOptions profile) throws IOException {
        if (profile.sampled() != null || profile.methodTiming()) {
            return false;
        }
        for (Path p : files) {
            if (isPstats(p) || !Files.isRegularFile(p) || !CallTreeReader.mayHold(p)) {
                return false;
            }
        }
        String sampleOption = !profile.threads.isEmpty() ? "--thread" : profile.from != null ? "--from"
                : profile.to != null ? "--to" : profile.lines ? "--lines" : null;
        if (sampleOption != null) {
            throw new CliException(ExitCodes.USAGE, sampleOption + " chooses samples, and the exact call paths "
                    + "(record --call-tree) have no threads, times or lines: add --profile cpu to draw the samples");
        }
        return true;
    }

    /** The exact call paths of {@code files} (see {@link #exact}), merged, weighed as {@code weight} says. */
    static StacksReport readExact(List<Path> files, ProfileOptions profile, PathWeight weight, PrintWriter err)
            throws IOException {
        StackSamples all = new StackSamples();
        long calls = 0;
        for (Path p : files) {
            CallTree tree = CallTreeReader.read(p, profile.progress(err, p));
            all.merge(tree.stacks());
            calls += tree.calls();
        }
        String title = calls + " calls on " + all.size() + " call paths (exact: record --call-tree), weighed by "
                + (weight.calls() ? "calls" : "self time in ns");
        return new StacksReport(all, !weight.calls(), title, weight.calls() ? "calls" : "ns");
    }

    /** {@code --weight} is for exact call paths only. */
    static void refuseWeight(PathWeight weight, String why) {
        if (weight.given()) {
            throw new CliException(ExitCodes.USAGE, "--weight weighs the exact call paths of record --call-tree; " + why);
        }
    }

    private static boolean isPstats(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".pstats") || name.endsWith(".prof");
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
