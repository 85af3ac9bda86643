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
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.jfrtrace.analyzer.jfr.LineCountsReader;
import io.jfrtrace.analyzer.jfr.ProfileReader;
import io.jfrtrace.analyzer.trace.CallsText;
import io.jfrtrace.analyzer.trace.CoverText;
import io.jfrtrace.analyzer.trace.CoverageResults;
import io.jfrtrace.analyzer.trace.CoverageSummary;
import io.jfrtrace.analyzer.trace.FileCoverage;
import io.jfrtrace.analyzer.trace.ModuleNames;
import io.jfrtrace.analyzer.trace.TraceFilter;
import io.jfrtrace.analyzer.trace.TracedCalls;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.Formats;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.record.ProgramRun;
import io.jfrtrace.cli.record.SignalRelay;
import io.jfrtrace.cli.report.LineCountsReport;
import io.jfrtrace.cli.report.TraceTextReport;
import io.jfrtrace.privatefiles.PrivateFile;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import io.jfrtrace.schema.agent.DumpSignals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code jfr-trace trace}: python -m trace. The one-step form, {@code trace [OPTIONS] -- JAVA_ARGS}, runs the program
 * under the agent as {@code record} does (counting lines for {@code --count}, profiling calls for {@code --listfuncs}
 * and {@code --trackcalls}, printing each line as it runs for {@code --trace}) and then reports; {@code trace --report FILE...} reports from recordings made with
 * {@code record --lines}, several merged as {@code --file} accumulates them: a {@code .cover} file per source file,
 * the summary and the call lists.
 */
@Command(name = "trace",
        footer = {"", "Examples:",
                "  jfr-trace trace -c -m -s -- -cp classes com.example.Main",
                "  jfr-trace trace --report run.jfr -c -m -C coverage",
                "  jfr-trace trace --report run.jfr --format lcov -o coverage.info"}, mixinStandardHelpOptions = true,
        description = {"python -m trace for Java. 'trace [OPTIONS] -- JAVA_ARGS' runs the program under the agent, as "
                + "record does, and then reports; it exits with the program's status (see record). 'trace --report "
                + "FILE... [OPTIONS]' reports from recordings made with 'record --lines' (several add up).",
                "The report: one .cover file per source file (beside the source, or in -C DIR as "
                + "DIR/<dotted.name>.cover), with --summary the coverage table, with --listfuncs and --trackcalls the "
                + "functions called and the calling relationships."})
final class TraceCommand implements Callable<Integer> {
    @Option(names = {"-r", "--report"},
            description = "Report from the recordings given instead of running a program.")
    boolean report;

    @Parameters(paramLabel = "FILE|JAVA_ARGS", description = "With --report: recordings made with 'record --lines'. "
            + "Otherwise, after --: the arguments for java (-cp app.jar com.example.Main ARGS, or -jar app.jar ARGS).")
    List<String> positional = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Option(names = "--recording", paramLabel = "FILE",
            description = "One-step form: keep the recording in FILE (default: a private temporary file, removed "
                    + "after the report).")
    Path recording;

    @Option(names = "--java", paramLabel = "PATH",
            description = "One-step form: the java executable to run (default: the one running jfr-trace).")
    Path java;

    @Option(names = {"-c", "--count"}, description = "Count the lines that run and write the .cover files (with --report they are written "
            + "unless only -l or -T is asked for).")
    boolean count;

    @Option(names = {"-t", "--trace"}, description = "One-step form: print each line as it runs (' --- modulename: M, "
            + "funcname: F' on each call, 'File.java(N): source line'), to stdout with the program's own output; the "
            + "text from --source-path.")
    boolean trace;

    @Option(names = {"-g", "--timing"}, description = "With --trace: prefix each line with the seconds since the program "
            + "started.")
    boolean timing;

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

    @Option(names = "--ignore-module", paramLabel = "NAME", description = "Leave out the module (the file's dotted "
            + "name, com.example.Demo) and the modules under it (com.example leaves out com.example.*); repeatable, "
            + "or comma-separated names.")
    List<String> ignoreModules = new ArrayList<>();

    @Option(names = "--ignore-dir", paramLabel = "DIR", description = "Leave out the source files under DIR; "
            + "repeatable, or folders joined by ':'.")
    List<String> ignoreDirs = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB", description = "Report only files whose dotted name matches (as "
            + "record's: * matches any characters); the one-step form also instruments only those classes. Repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out files whose dotted name matches; the "
            + "one-step form also does not instrument those classes. Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!unmatched.isEmpty()) {
            // picocli's own words (a java option before -- lands here: the usage line shows where it goes)
            throw new ParameterException(spec.commandLine(), "Unknown option: '" + unmatched.get(0) + "'");
        }
        if (report) {
            if (trace) {
                throw new ParameterException(spec.commandLine(),
                        "--trace prints the lines while the program runs: it cannot be used with --report");
            }
            if (positional.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--report needs the recordings to report from (FILE...)");
            }
            List<Path> files = positional.stream().map(Path::of).toList();
            return report(files, printers(files));
        }
        return runAndReport();
    }

    /** The one-step form: record the program as record does, then report; the program's status. */
    private int runAndReport() throws Exception {
        if (!(trace || count || listfuncs || trackcalls)) { // CPython's words and order of checks
            throw new ParameterException(spec.commandLine(),
                    "must specify one of --trace, --count, --report, --listfuncs, or --trackcalls");
        }
        if (listfuncs && trace) { // CPython refuses -l with -c too; jfr-trace reports both from one recording
            throw new ParameterException(spec.commandLine(), "cannot specify both --listfuncs and (--trace or --count)");
        }
        if (summary && !count) {
            throw new ParameterException(spec.commandLine(), "--summary can only be used with --count or --report");
        }
        PrintWriter err = spec.commandLine().getErr();
        // First of all, as record does: a TERM or Ctrl-C during the checks below then means the program never starts.
        SignalRelay relay = SignalRelay.install(List.of(DumpSignals.DEFAULT), err);
        ProgramRun program = ProgramRun.of(positional);
        Path kept = recording == null ? null : recording.toAbsolutePath();
        if (kept != null) {
            OutputFiles.checkWritable(kept);
        }
        Printers printers = printers(kept == null ? List.of() : List.of(kept));
        Path javaExe = ProgramRun.javaExecutable(java);
        // The report's folder is checked before the program runs: its run is not wasted on a -C that cannot be made.
        if (coverdir != null) {
            makeFolder(coverdir);
        }
        Path temp = kept == null ? Files.createTempDirectory("jfr-trace-trace") : null; // 0700, a random name
        try {
            Path out = kept != null ? kept : temp.resolve(program.outputBaseName() + ".jfr");
            boolean profile = listfuncs || trackcalls;
            AgentArguments agent = new AgentArguments()
                    .addAll(AgentKeys.INCLUDE, includes).addAll(AgentKeys.EXCLUDE, excludes)
                    .add(AgentKeys.SETTINGS, "none") // jfr-trace's events only: the JVM's own are not reported
                    .add(AgentKeys.PROFILE, Boolean.toString(profile)).add(AgentKeys.LINES, Boolean.toString(count));
            if (trace) {
                // the agent reads the traced lines' text from these folders, and from nothing else
                agent.add(AgentKeys.TRACE, "true").add(AgentKeys.TRACE_TIMING, Boolean.toString(timing))
                        .addAll(AgentKeys.SOURCE_PATH, sourceRoots().stream().map(r -> r.toAbsolutePath().toString()).toList());
            }
            int status = program.record(relay, err, true, javaExe, out, agent, true, profile);
            if (!(count || listfuncs || trackcalls) || !Files.isRegularFile(out) || Files.size(out) == 0) {
                // --trace alone has printed everything while the program ran; else the program never started, or
                // nothing could be written: record has said why
                return status;
            }
            report(List.of(out), printers);
            return status;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** The report from {@code files}. */
    private int report(List<Path> files, Printers printers) throws IOException {
        // Everything is read before anything is written: a recording that lacks the data asked for changes nothing.
        TracedCalls calls = listfuncs || trackcalls ? readCalls(files) : null;
        // Only the call lists asked for: the recording need not count lines (with --report CPython writes the .cover
        // files always; here -c, -m, -s, -C or another format ask for them).
        boolean lineReport = calls == null || count || missing || summary || coverdir != null || printers.lines != null;
        CoverageResults results = new CoverageResults();
        if (lineReport) {
            for (Path f : files) {
                results.update(LineCountsReader.read(f));
            }
        }
        StringBuilder text = new StringBuilder(); // write_results' order: the call lists, then the summary
        if (calls != null) {
            text.append(listfuncs ? CallsText.functionsCalled(calls.functions()) : "")
                    .append(trackcalls ? CallsText.callingRelationships(calls.calls()) : "");
        }
        List<FileCoverage> reported = new ArrayList<>();
        if (lineReport) {
            text.append(lineReport(results, printers.lines == null, reported));
        }
        if (printers.lines != null) {
            printers.lines.print(new LineCountsReport(reported));
        } else {
            printers.text.print(new TraceTextReport(text.toString()));
        }
        return ExitCodes.OK;
    }

    /**
     * Finds each file's source and leaves out what the filters say; with {@code coverFiles}, writes its .cover file.
     * Adds the files reported (named by their source's path) to {@code reported}; returns the summary, if asked for.
     */
    private String lineReport(CoverageResults results, boolean coverFiles, List<FileCoverage> reported) throws IOException {
        List<Path> roots = sourceRoots();
        if (coverdir != null) {
            makeFolder(coverdir);
        }
        TraceFilter filter = new TraceFilter().ignoreModules(ignoreModules).ignoreDirs(ignoreDirs).include(includes)
                .exclude(excludes);
        CoverageSummary sums = new CoverageSummary();
        for (FileCoverage fc : results.perFile()) {
            Path source = find(roots, fc.file());
            if (filter.ignores(fc.file(), source)) {
                continue;
            }
            if (source == null) {
                spec.commandLine().getErr().println("jfr-trace trace: no source for " + fc.file() + " in "
                        + roots + "; skipped");
                continue;
            }
            List<String> lines = CoverText.lines(Files.readString(source, StandardCharsets.UTF_8));
            checkMatches(fc, source, lines.size());
            reported.add(fc.named(source.toString()));
            if (!coverFiles) {
                continue;
            }
            Set<Integer> lnotab = missing ? fc.executable() : Set.of();
            StringBuilder text = new StringBuilder();
            CoverText.Counted counted = CoverText.write(lines, lnotab, fc.hits(), text);
            String module = coverdir == null ? ModuleNames.modname(fc.file()) : ModuleNames.fullmodname(fc.file());
            Path dir = coverdir == null ? parentOf(source) : coverdir;
            write(dir.resolve(module + ".cover"), text);
            sums.add(counted, module, source.toString());
        }
        return summary ? sums.text() : "";
    }

    /** Where sources are looked up: --source-path, else the working directory and src/main/java. */
    private List<Path> sourceRoots() {
        return sourcePath.isEmpty() ? List.of(Path.of("."), Path.of("src", "main", "java")) : sourcePath;
    }

    /** Where the report goes, chosen and checked before any work: the text's printer, or the line counts'. */
    private record Printers(ReportPrinter<TraceTextReport> text, ReportPrinter<LineCountsReport> lines) {
    }

    private Printers printers(List<Path> inputs) {
        if (!output.formatGiven() || output.format() == Formats.TEXT) {
            return new Printers(output.printer(TraceTextReport.class, inputs), null);
        }
        if (output.format().writerFor(LineCountsReport.class).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--format " + output.format().name() + " cannot print "
                    + "this report (formats that can: text, " + String.join(", ", Formats.ALL.stream()
                            .filter(f -> f.writerFor(LineCountsReport.class).isPresent()).map(f -> f.name()).toList())
                    + ")");
        }
        if (listfuncs || trackcalls || summary || coverdir != null) {
            throw new ParameterException(spec.commandLine(), "--format " + output.format().name() + " prints the line "
                    + "counts alone; -l, -T, -s and -C belong to the text report");
        }
        return new Printers(null, output.printer(LineCountsReport.class, inputs));
    }

    private TracedCalls readCalls(List<Path> files) throws IOException {
        TracedCalls calls = new TracedCalls();
        for (Path f : files) {
            calls.add(ProfileReader.read(f));
        }
        return calls;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
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
