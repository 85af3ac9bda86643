package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.jfr.AllocationReader;
import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.SampleKind;
import io.jfrtrace.analyzer.pstats.DiffKey;
import io.jfrtrace.analyzer.pstats.ProfileDiff;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.analyzer.tracemalloc.Snapshot;
import io.jfrtrace.cli.alloc.LoadedSnapshot;
import io.jfrtrace.cli.alloc.SnapshotOptions;
import io.jfrtrace.cli.alloc.SnapshotRef;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.DiffReport;
import io.jfrtrace.cli.report.Grouping;
import io.jfrtrace.cli.report.ProfileDiffReport;
import io.jfrtrace.cli.report.StacksDiffReport;
import io.jfrtrace.cli.report.StacksReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jfr-trace compare OLD NEW}: tracemalloc's Snapshot.compare_to, or two call profiles function by function. */
@Command(name = "compare",
        footer = {"", "Examples:",
                "  jfr-trace compare before.jfr after.jfr",
                "  jfr-trace compare -s totdiff -r 10 old.jfr new.jfr",
                "  jfr-trace compare --format html -o diff.html old.jfr new.jfr"}, mixinStandardHelpOptions = true,
        description = {"Compare two recordings: what grew between two allocation snapshots as tracemalloc's compare_to "
                + "prints it, or, when the sides do not both hold snapshots, their call profiles function by function.",
                "For snapshots OLD and NEW are FILE (its last snapshot) or FILE#ID / FILE#LABEL; for call profiles each "
                        + "is FILE or FILE,FILE,... (merged as pstats.Stats(a, b, c); .pstats files too)."})
final class CompareCommand implements Callable<Integer> {
    /** The options that only a call-profile comparison takes (and those of the ProfileOptions mixin). */
    private static final Set<String> CALL_OPTIONS = Set.of("--sort", "--restrict", "--strip-dirs", "--reverse",
            "--weight");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD")
    String old;

    @Parameters(index = "1", paramLabel = "NEW")
    String current;

    @ArgGroup(exclusive = true)
    What what = new What();

    static final class What {
        @Option(names = "--calls", description = "Compare the call profiles (also when both sides hold allocation snapshots).")
        boolean calls;
        @Option(names = "--alloc", description = "Compare allocation snapshots (fails when a side holds none).")
        boolean alloc;
    }

    /** The diff's sort keys; the default is the largest change of cumulative time. */
    List<DiffKey> sort = List.of(DiffKey.CUMDIFF);

    @Option(names = {"-s", "--sort"}, paramLabel = "KEY",
            description = "Call profiles: sort key, repeatable for tie-breaks: cumdiff (default), totdiff, callsdiff, "
                    + "pcallsdiff (the largest change first, whole words only), or one of stats' keys, applied to the "
                    + "new side (calls, cumulative, time, name ...); ties by name.")
    void sortBy(List<String> keys) {
        sort = DiffKey.parseArgs(keys);
    }

    @Mixin
    PstatsListOptions list;

    @Mixin
    SnapshotOptions options;

    /** Which profile each side shows ({@code --profile cpu} ...), as in stats. */
    @Mixin
    ProfileOptions profile;

    @Mixin
    PathWeight weight;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        return switch (kind()) {
            case ALLOC -> compareSnapshots();
            case CALLS -> output.format().writerFor(StacksDiffReport.class).isPresent() ? compareStacks() : compareProfiles();
        };
    }

    private enum Kind { CALLS, ALLOC }

    /**
     * What to compare: as {@code --calls} / {@code --alloc} say; else as the options given imply; else call profiles
     * for several files on a side or a .pstats file, snapshots for a {@code #SNAPSHOT}; else snapshots when both
     * recordings hold some, call profiles otherwise.
     */
    private Kind kind() throws IOException {
        String callOption = given(callOptions());
        String allocOption = given(allocOptions());
        boolean several = old.contains(",") || current.contains(",");
        if (what.alloc) {
            refuse(callOption, "compares call profiles; leave out --alloc");
            if (several) {
                throw new CliException(ExitCodes.USAGE, "several files on a side (OLD1,OLD2) compare call profiles; leave out --alloc");
            }
            return Kind.ALLOC;
        }
        if (what.calls) {
            refuse(allocOption, "compares allocation snapshots; leave out --calls");
            return Kind.CALLS;
        }
        if (callOption != null && allocOption != null) {
            throw new CliException(ExitCodes.USAGE, callOption + " compares call profiles and " + allocOption
                    + " allocation snapshots: give options of one kind");
        }
        if (allocOption != null) {
            if (several) {
                throw new CliException(ExitCodes.USAGE, "several files on a side (OLD1,OLD2) compare call profiles and "
                        + allocOption + " allocation snapshots: give options of one kind");
            }
            return Kind.ALLOC;
        }
        if (callOption != null || several || isPstats(old) || isPstats(current)) {
            return Kind.CALLS;
        }
        if (SnapshotRef.parse(old).selector() != null || SnapshotRef.parse(current).selector() != null) {
            return Kind.ALLOC;
        }
        return hasSnapshots(Paths.get(old)) && hasSnapshots(Paths.get(current)) ? Kind.ALLOC : Kind.CALLS;
    }

    private static void refuse(String option, String why) {
        if (option != null) {
            throw new CliException(ExitCodes.USAGE, option + " " + why);
        }
    }

    /** The first option of {@code names} on the command line, or null. */
    private String given(Set<String> names) {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (names.contains(o.longestName())) {
                return o.longestName();
            }
        }
        return null;
    }

    /** The call-profile options: compare's own and the ProfileOptions mixin's, whatever they are. */
    private Set<String> callOptions() {
        Set<String> names = new java.util.HashSet<>(CALL_OPTIONS);
        spec.mixins().get("profile").options().forEach(o -> names.add(o.longestName()));
        names.remove("--quiet"); // about the progress line, not about what is compared
        return names;
    }

    /** The grouping and filter options of alloc (the SnapshotOptions mixin's, whatever they are). */
    private Set<String> allocOptions() {
        return Set.copyOf(spec.mixins().get("options").options().stream().map(OptionSpec::longestName).toList());
    }

    private static boolean isPstats(String side) {
        return side.endsWith(".pstats") || side.endsWith(".prof");
    }

    private static boolean hasSnapshots(Path file) throws IOException {
        try {
            return !AllocationReader.list(file).isEmpty();
        } catch (NoEventsException e) {
            return false;
        }
    }

    private int compareSnapshots() throws IOException {
        options.checkRange();
        Grouping grouping = new Grouping(options.keyType(KeyType.LINENO), options.cumulative, options.limit);
        var filters = options.filters();
        SnapshotRef oldRef = SnapshotRef.parse(old);
        SnapshotRef newRef = SnapshotRef.parse(current);
        ReportPrinter<DiffReport> printer = output.printer(DiffReport.class, List.of(oldRef.file(), newRef.file()));
        List<LoadedSnapshot> both = LoadedSnapshot.loadAll(List.of(oldRef, newRef), options.view());
        Snapshot before = both.get(0).snapshot().filterTraces(filters);
        Snapshot after = both.get(1).snapshot().filterTraces(filters);
        printer.print(new DiffReport(before, after, grouping));
        return ExitCodes.OK;
    }

    private int compareProfiles() throws IOException {
        List<Path> oldFiles = files("OLD", old);
        List<Path> newFiles = files("NEW", current);
        List<Path> inputs = both(oldFiles, newFiles);
        CallPaths.refuseWeight(weight, "it applies to --format html");
        ReportPrinter<ProfileDiffReport> printer = output.printer(ProfileDiffReport.class, inputs);
        PrintWriter err = spec.commandLine().getErr();
        Stats before = StatsCommand.load(oldFiles, profile, err);
        Stats after = StatsCommand.load(newFiles, profile, err);
        if (list.stripDirs) {
            before.stripDirs();
            after.stripDirs();
        }
        ProfileDiff diff = ProfileDiff.of(before, after).sort(sort);
        if (list.reverse) {
            diff.reverse();
        }
        printer.print(new ProfileDiffReport(diff, list.restrictions));
        return ExitCodes.OK;
    }

    /**
     * The sides' call paths against each other (a differential flame graph): their exact paths when both sides were
     * recorded with {@code --call-tree}; else their samples of the kind chosen, or for exact call profiles (which have
     * no paths) their CPU samples, which stderr says.
     */
    private int compareStacks() throws IOException {
        List<Path> oldFiles = files("OLD", old);
        List<Path> newFiles = files("NEW", current);
        List<Path> inputs = both(oldFiles, newFiles);
        ReportPrinter<StacksDiffReport> printer = output.printer(StacksDiffReport.class, inputs);
        PrintWriter err = spec.commandLine().getErr();
        String format = output.format().name();
        StacksReport before;
        StacksReport after;
        if (CallPaths.exact(inputs, profile)) {
            before = CallPaths.readExact(oldFiles, profile, weight, err);
            after = CallPaths.readExact(newFiles, profile, weight, err);
        } else {
            CallPaths.refuseWeight(weight, "a side without call paths is drawn by its samples, which weigh what they "
                    + "stand for");
            SampleKind kind = CallPaths.kind(profile, "compare", format, err);
            before = CallPaths.read(oldFiles, profile, kind, format, err);
            after = CallPaths.read(newFiles, profile, kind, format, err);
        }
        printer.print(new StacksDiffReport(before.samples(), after.samples(), after.weighted(),
                current + " (" + after.title() + ") against " + old + " (" + before.title() + ")", after.unit()));
        return ExitCodes.OK;
    }

    /** Both sides' files, the command's inputs (which {@code -o} must not name). */
    private static List<Path> both(List<Path> oldFiles, List<Path> newFiles) {
        List<Path> inputs = new ArrayList<>(oldFiles);
        inputs.addAll(newFiles);
        return inputs;
    }

    /** {@code FILE} or {@code FILE,FILE,...}: one side's files, merged in this order. */
    private static List<Path> files(String side, String text) {
        List<Path> files = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            if (name.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, side + " '" + text + "' has an empty file name (FILE,FILE,... without spaces)");
            }
            files.add(Paths.get(name));
        }
        return files;
    }
}
