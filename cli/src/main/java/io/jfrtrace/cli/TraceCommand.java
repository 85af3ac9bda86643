package io.jfrtrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.jfr.LineCountsReader;
import io.jfrtrace.analyzer.jfr.ProfileReader;
import io.jfrtrace.analyzer.trace.CallsText;
import io.jfrtrace.analyzer.trace.CoverText;
import io.jfrtrace.analyzer.trace.CoverageResults;
import io.jfrtrace.analyzer.trace.CoverageSummary;
import io.jfrtrace.analyzer.trace.FileCoverage;
import io.jfrtrace.analyzer.trace.ModuleNames;
import io.jfrtrace.analyzer.trace.TracedCalls;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.privatefiles.PrivateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jfr-trace trace --report}: python -m trace's report from the line counts of recordings ({@code record
 * --lines}), several merged as {@code --file} accumulates them: a {@code .cover} file per source file and the summary.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Report line counts recorded with 'record --lines' as python -m trace --report does: one .cover "
                + "file per source file (beside the source, or in -C DIR as DIR/<dotted.name>.cover) and, with "
                + "--summary, the coverage table. Several recordings add up."})
final class TraceCommand implements Callable<Integer> {
    @Option(names = {"-r", "--report"}, required = true,
            description = "Report from the recordings given (the one-step form, trace -- JAVA_ARGS, is not built yet).")
    boolean report;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recordings made with 'record --lines'")
    List<Path> files;

    @Option(names = {"-c", "--count"}, description = "Write the .cover files (always done with --report, as in CPython).")
    boolean count;

    @Option(names = {"-m", "--missing"}, description = "Mark executable lines that never ran with '>>>>>>'.")
    boolean missing;

    @Option(names = {"-s", "--summary"}, description = "Print a one-line summary per file (lines, cov%%, module, path).")
    boolean summary;

    @Option(names = {"-l", "--listfuncs"}, description = "List the functions that ran (functions called:), from the "
            + "recording's call profile.")
    boolean listfuncs;

    @Option(names = {"-T", "--trackcalls"}, description = "List the caller -> callee pairs (calling relationships:), from "
            + "the recording's call profile.")
    boolean trackcalls;

    @Option(names = {"-C", "--coverdir"}, paramLabel = "DIR",
            description = "Write the .cover files to DIR, named by the dotted class path (com.example.Demo.cover).")
    Path coverdir;

    @Option(names = "--source-path", paramLabel = "DIR",
            description = "Where sources are looked up by their package path, repeatable (default: the working "
                    + "directory and src/main/java).")
    List<Path> sourcePath = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // Everything is read before anything is written: a recording that lacks the data asked for changes nothing.
        TracedCalls calls = listfuncs || trackcalls ? readCalls() : null;
        // Only the call lists asked for: the recording need not count lines (with --report CPython writes the .cover
        // files always; here -c, -m, -s or -C ask for them).
        boolean lineReport = calls == null || count || missing || summary || coverdir != null;
        CoverageResults results = new CoverageResults();
        if (lineReport) {
            for (Path f : files) {
                results.update(LineCountsReader.read(f));
            }
        }
        if (calls != null) { // write_results' order: the call lists, then the .cover files and the summary
            PrintWriter out = spec.commandLine().getOut();
            out.print((listfuncs ? CallsText.functionsCalled(calls.functions()) : "")
                    + (trackcalls ? CallsText.callingRelationships(calls.calls()) : ""));
            out.flush();
        }
        if (!lineReport) {
            return ExitCodes.OK;
        }
        List<Path> roots = sourcePath.isEmpty() ? List.of(Path.of("."), Path.of("src", "main", "java")) : sourcePath;
        if (coverdir != null) {
            makeFolder(coverdir);
        }
        CoverageSummary sums = new CoverageSummary();
        for (FileCoverage fc : results.perFile()) {
            Path source = find(roots, fc.file());
            if (source == null) {
                spec.commandLine().getErr().println("jfr-trace trace: no source for " + fc.file() + " in "
                        + roots + "; skipped");
                continue;
            }
            List<String> lines = CoverText.lines(Files.readString(source, StandardCharsets.UTF_8));
            checkMatches(fc, source, lines.size());
            Set<Integer> lnotab = missing ? fc.executable() : Set.of();
            StringBuilder text = new StringBuilder();
            CoverText.Counted counted = CoverText.write(lines, lnotab, fc.hits(), text);
            String module = coverdir == null ? ModuleNames.modname(fc.file()) : ModuleNames.fullmodname(fc.file());
            Path dir = coverdir == null ? parentOf(source) : coverdir;
            write(dir.resolve(module + ".cover"), text);
            sums.add(counted, module, source.toString());
        }
        if (summary) {
            spec.commandLine().getOut().print(sums.text());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    private TracedCalls readCalls() throws IOException {
        TracedCalls calls = new TracedCalls();
        for (Path f : files) {
            calls.add(ProfileReader.read(f));
        }
        return calls;
    }

    /** The first root that holds the file's package path. */
    private static Path find(List<Path> roots, String file) {
        for (Path root : roots) {
            Path p = root.resolve(file).normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path parentOf(Path source) {
        Path parent = source.getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** A source shorter than the lines recorded for it is another version of the class: nothing sensible to write. */
    private static void checkMatches(FileCoverage fc, Path source, int sourceLines) {
        int last = Math.max(fc.hits().isEmpty() ? 0 : fc.hits().lastKey(),
                fc.executable().isEmpty() ? 0 : fc.executable().last());
        if (last > sourceLines) {
            throw new CliException(ExitCodes.BAD_INPUT, source + " has " + sourceLines + " lines, but the recording has "
                    + "line " + last + " of " + fc.file() + ": the source does not match the recorded class");
        }
    }

    private static void makeFolder(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir)) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot create " + dir + ": it exists and is not a folder");
        }
        try {
            PrivateFile.createFolder(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot create " + dir + ": " + reason(e));
        }
    }

    private static void write(Path cover, CharSequence text) {
        try (OutputStream out = PrivateFile.newOutputStream(cover)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + cover + ": " + reason(e));
        }
    }

    /** What the file system said: its reason, else the kind of failure (a NoSuchFileException's message is the path). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e instanceof FileSystemException || e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
