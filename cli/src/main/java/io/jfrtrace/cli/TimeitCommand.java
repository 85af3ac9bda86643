package io.jfrtrace.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.jfrtrace.analyzer.timeit.RepeatNotes;
import io.jfrtrace.analyzer.timeit.TimeitPrinter;
import io.jfrtrace.analyzer.timeit.TimeitResult;
import io.jfrtrace.analyzer.timeit.TimeitUnit;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.cli.record.CachedResource;
import io.jfrtrace.cli.timeit.SnippetCompiler;
import io.jfrtrace.cli.timeit.SnippetSource;
import io.jfrtrace.cli.timeit.TimingJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jfr-trace timeit}: {@code python -m timeit} for Java statements. They are compiled here (javax.tools) into
 * CPython's timing template and timed in a fresh JVM by the API's {@code Timeit.Timer}; the text is timeit's.
 */
@Command(name = "timeit",
        footer = {"", "Examples:",
                "  jfr-trace timeit 'Integer.toString(42)'",
                "  jfr-trace timeit -n 1000 -r 3 -v 'new StringBuilder().append(42).toString()'",
                "  jfr-trace timeit -o t.jfr -s 'double x = 1;' 'Math.log(x++)'"}, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time small Java statements as Python's 'python -m timeit' does, with its options and its text.",
                "The statements are compiled in memory into a timing loop and run in a fresh JVM. The value of each "
                        + "top-level expression statement of STATEMENT is consumed (handed to a blackhole that "
                        + "compares it with volatile fields), so the JIT cannot remove the work that computed it; "
                        + "declarations and statements without a value must have an effect of their own. The "
                        + "autorange trials (1, 2, 5, 10, ... loops until 0.2 s) are the JIT's warm-up.",
                "The timing JVM records its run with Java Flight Recorder: when a GC pause, a compilation or a "
                        + "deoptimisation fell inside a repeat, a note on stderr after the result says so "
                        + "('note: 2 of 5 repeats include GC pauses (4.1 ms)'), and -v lists them."})
final class TimeitCommand implements Callable<Integer> {
    private static final String API_JAR = "/jfr-trace-api.jar";

    @Option(names = {"-n", "--number"}, paramLabel = "N", defaultValue = "0",
            description = "How many times to execute STATEMENT (default, or 0: as many as take 0.2 s, by autorange).")
    long number;

    @Option(names = {"-r", "--repeat"}, paramLabel = "N", defaultValue = "5",
            description = "How many times to repeat the timer (default 5; 0 or less is 1).")
    int repeat;

    @Option(names = {"-s", "--setup"}, paramLabel = "S",
            description = "Statement run once before each timing (default none); repeat for several lines.")
    List<String> setup = new ArrayList<>();

    @Option(names = {"-p", "--process"}, description = "Measure the timing thread's CPU time, not wall time.")
    boolean cpu;

    @Option(names = {"-u", "--unit"}, paramLabel = "U", converter = Converters.TimeitUnits.class,
            completionCandidates = Converters.TimeitUnitWords.class,
            description = "Time unit of the output: nsec, usec, msec or sec.")
    TimeitUnit unit;

    @Option(names = {"-v", "--verbose"}, description = "Print the trials and the raw times; repeat for more digits.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-i", "--import"}, paramLabel = "IMPORT",
            description = "An import (java.util.*, static java.lang.Math.*); java.util.* and java.util.stream.* always.")
    List<String> imports = new ArrayList<>();

    @Option(names = "--cp", paramLabel = "PATH", description = "Class path of the classes the statements use.")
    String classPath;

    @Option(names = "--java", paramLabel = "PATH", description = "The java executable to run (default: the one running jfr-trace).")
    Path java;

    @Option(names = "-J", paramLabel = "OPTION", description = "An option for the timing JVM (-J-Xmx1g).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.jfr",
            description = "Keep the timing JVM's flight recording in FILE.jfr (owner-only): each repeat beside the JVM's "
                    + "GC pauses, compilations and deoptimisations.")
    Path output;

    @Parameters(paramLabel = "STATEMENT", arity = "0..*", description = "The statements to time, one line each (default: none).")
    List<String> statements = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path javaExe = java != null ? java : Paths.get(System.getProperty("java.home"), "bin", "java");
        if (output != null) {
            OutputFiles.checkWritable(output);
        }
        if (!Files.isExecutable(javaExe)) {
            throw new CliException(ExitCodes.CANNOT_LAUNCH, "cannot run " + javaExe + ": not an executable file");
        }
        int repeats = Math.max(repeat, 1); // timeit: "if repeat <= 0: repeat = 1"
        List<String> allImports = new ArrayList<>(SnippetSource.DEFAULT_IMPORTS);
        allImports.addAll(imports);
        // CPython joins several -s or statements into lines; none is "pass"
        SnippetSource snippet = new SnippetSource(allImports, SnippetSource.lines(setup), SnippetSource.lines(statements));
        String cp = apiJar() + (classPath == null || classPath.isEmpty() ? "" : File.pathSeparator + classPath);
        SnippetCompiler compiler;
        try {
            compiler = new SnippetCompiler(cp, release(javaExe));
        } catch (IllegalStateException e) { // no compiler: a JRE
            throw new CliException(ExitCodes.CANNOT_LAUNCH, e.getMessage());
        }
        TimingJvm.Outcome outcome;
        try {
            outcome = TimingJvm.run(javaExe, jvmOptions, cp, () -> compiler.compile(snippet), number, repeats, cpu, output);
        } catch (SnippetCompiler.CompileError e) { // the user's Java, not the command line: no help hint after it
            spec.commandLine().getErr().println("jfr-trace timeit: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
        if (outcome instanceof TimingJvm.NeverStarted n) {
            throw new CliException(ExitCodes.CANNOT_LAUNCH, "the timing JVM could not start (its message is above; exit status "
                    + n.status() + ")");
        }
        if (outcome instanceof TimingJvm.Failed f) {
            return f.status(); // the snippet's exception is printed above, as timeit prints its traceback
        }
        TimingJvm.Measured measured = (TimingJvm.Measured) outcome;
        TimeitResult result = measured.result();
        TimeitPrinter printer = new TimeitPrinter(unit, verbose.length);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(printer.out(result));
        out.flush();
        err.print(printer.err(result));
        if (measured.recording() != null) {
            err.print(new RepeatNotes(verbose.length).notes(measured.recording()));
        } else {
            err.println("jfr-trace timeit: no note on GC pauses, compilations or deoptimisations: " + measured.unrecorded());
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static String apiJar() throws IOException {
        Path jar = CachedResource.extract(API_JAR, "jfr-trace-api", ".jar");
        if (jar == null) {
            throw new IOException("the API jar is missing from this build of jfr-trace (rebuild with mvn package)");
        }
        return jar.toString();
    }

    /**
     * The Java version of the JVM that will run the snippet ({@code JAVA_VERSION} in its home's {@code release} file),
     * at most this compiler's: class files it can load, and only the platform API it has.
     */
    static int release(Path javaExe) {
        int own = Runtime.version().feature();
        try {
            Path home = javaExe.toRealPath().getParent().getParent();
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int feature = Integer.parseInt(v.split("[.+-]")[0]);
                    return Math.min(Math.max(feature, 17), own);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no release file: assume the baseline
        }
        return 17;
    }
}
