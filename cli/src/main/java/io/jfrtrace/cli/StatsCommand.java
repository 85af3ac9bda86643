package io.jfrtrace.cli;

import io.jfrtrace.analyzer.python.PyRegex;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.ProfileReader;
import io.jfrtrace.analyzer.pstats.Restriction;
import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.analyzer.pstats.SourceFile;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.analyzer.pstats.StatsPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jfr-trace stats}: pstats' print_stats / print_callers / print_callees over recordings. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Print the call profile of one or more recordings (or .pstats files) as Python's pstats does.",
                "Several files are merged like pstats.Stats(a, b, c)."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".jfr recordings made by 'jfr-trace record', or .pstats files")
    List<Path> files;

    @Option(names = {"-s", "--sort"}, paramLabel = "KEY",
            description = "Sort key, repeatable for tie-breaks: calls cumulative cumtime file filename module ncalls pcalls "
                    + "line name nfl stdname time tottime (unambiguous prefixes as pstats accepts them), or one of -1 0 1 2. "
                    + "Default: cumulative.")
    List<String> sortKeys = new ArrayList<>();

    @Option(names = {"-r", "--restrict"}, paramLabel = "R",
            description = "Restriction, repeatable, applied in order: an integer keeps the first N lines, a fraction "
                    + "(0.0 <= x < 1.0) keeps that share, anything else is a regular expression searched in the name.")
    List<String> restrictions = new ArrayList<>();

    @Option(names = "--strip-dirs", description = "Remove directories from file names (pstats strip_dirs()).")
    boolean stripDirs;

    @Option(names = "--reverse", description = "Reverse the sorted order (pstats reverse_order()).")
    boolean reverse;

    @ArgGroup(exclusive = true)
    Report report = new Report();

    static final class Report {
        @Option(names = "--callers", description = "Print the callers of each function (print_callers).")
        boolean callers;
        @Option(names = "--callees", description = "Print the functions each function called (print_callees).")
        boolean callees;
    }

    @Option(names = "--dump", paramLabel = "OUT.pstats",
            description = "Also write the merged data as a Python marshal .pstats file (pstats, snakeviz, gprof2dot).")
    Path dump;

    @Override
    public Integer call() throws IOException {
        List<SortKey> sort;
        List<Restriction> parsedRestrictions;
        try {
            sort = SortKey.parseArgs(sortKeys.isEmpty() ? List.of("cumulative") : sortKeys);
            parsedRestrictions = restrictions.stream().map(Restriction::parse).toList();
        } catch (IllegalArgumentException e) { // SortKeyException, PyRegex.UnsupportedRegexException
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        Stats stats = load(files);
        if (stripDirs) {
            stats.stripDirs();
        }
        stats.sortStats(sort);
        if (reverse) {
            stats.reverseOrder();
        }
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        PrintWriter printer = new PrintWriter(out);
        StatsPrinter statsPrinter = new StatsPrinter(stats);
        if (report.callers) {
            statsPrinter.printCallers(printer, parsedRestrictions);
        } else if (report.callees) {
            statsPrinter.printCallees(printer, parsedRestrictions);
        } else {
            statsPrinter.printStats(printer, parsedRestrictions);
        }
        printer.flush();
        if (dump != null) {
            OutputFiles.checkWritable(dump);
            try {
                stats.dump(dump);
            } catch (IOException e) {
                throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + dump + ": " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }

    /** pstats.Stats(a, b, c): the first file, then add(b, c), which merges in reverse order. */
    static Stats load(List<Path> paths) throws IOException {
        List<Stats> loaded = new ArrayList<>();
        for (Path p : paths) {
            loaded.add(loadOne(p));
        }
        Stats first = loaded.get(0);
        if (loaded.size() > 1) {
            try {
                first.add(loaded.subList(1, loaded.size()).toArray(Stats[]::new));
            } catch (IllegalArgumentException e) { // pstats fails the same way (a TypeError)
                throw new CliException(ExitCodes.BAD_INPUT, "cannot merge " + paths + ": " + e.getMessage());
            }
        }
        return first;
    }

    private static Stats loadOne(Path p) throws IOException {
        SourceFile source = new SourceFile(p.toString(), Files.exists(p) ? Files.getLastModifiedTime(p).toInstant() : null);
        if (p.getFileName().toString().endsWith(".pstats") || p.getFileName().toString().endsWith(".prof")) {
            try {
                return Stats.load(p);
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.BAD_INPUT, p + ": not a readable .pstats file (" + e.getMessage() + ")");
            }
        }
        try {
            return Stats.fromTable(ProfileReader.read(p), List.of(source));
        } catch (NoEventsException e) {
            throw e.withAdvice("record the program with 'jfr-trace record' to profile its calls");
        }
    }
}
