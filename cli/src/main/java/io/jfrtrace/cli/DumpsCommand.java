package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.jfr.ThreadDumpReader;
import io.jfrtrace.analyzer.python.Fnmatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jfr-trace dumps}: the thread dumps of a recording, printed as Python's faulthandler prints them. */
@Command(name = "dumps", mixinStandardHelpOptions = true,
        description = {"Print the thread dumps of a recording as Python's faulthandler does, oldest first, "
                + "one empty line between two dumps.",
                "Without jfr-trace's own dumps (jfrtrace.ThreadDump), the JVM's jdk.ThreadDump events and the "
                        + "jdk.Shutdown event of an emergency dump (hs_err_pid*.jfr) are shown instead."})
final class DumpsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a .jfr recording")
    Path file;

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Only dumps taken for this reason, repeatable: request, timeout, signal, fatal.")
    List<String> reasons = new ArrayList<>();

    @Option(names = "--thread", paramLabel = "GLOB",
            description = "Only threads whose name matches this fnmatch pattern (* ? [seq]), repeatable; "
                    + "a dump left without threads is not printed.")
    List<String> threadGlobs = new ArrayList<>();

    @Option(names = "--last", description = "Only the last (matching) dump.")
    boolean last;

    @Option(names = "--limits", paramLabel = "python|none", defaultValue = "python",
            description = "python (default): faulthandler's cuts (100 frames, 100 threads, 500 characters); "
                    + "none: print everything (still ASCII-escaped).")
    String limits;

    @Override
    public Integer call() throws IOException {
        DumpPrinter.Limits lim;
        Set<Reason> wanted = EnumSet.noneOf(Reason.class);
        Predicate<String> nameFilter;
        try {
            lim = DumpPrinter.Limits.parse(limits);
            for (String r : reasons) {
                wanted.add(Reason.parse(r));
            }
            nameFilter = nameFilter(threadGlobs);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        ThreadDumpReader.Result res = ThreadDumpReader.read(file);
        if (res.source() == ThreadDumpReader.Source.NONE) {
            throw new CliException(ExitCodes.NO_DATA, file + ": no thread dumps (neither jfrtrace.ThreadDump nor "
                    + "jdk.ThreadDump / a crash's jdk.Shutdown events)");
        }
        if (!res.provenance().ours()) {
            System.err.println("jfr-trace dumps: " + file + " has no jfr-trace thread dumps; showing the JVM's own ("
                    + String.join(", ", res.provenance().stockEvents()) + ")");
        }
        List<ThreadDump> selected = new ArrayList<>();
        for (ThreadDump d : res.dumps()) {
            if (!wanted.isEmpty() && !wanted.contains(d.reason())) {
                continue;
            }
            if (nameFilter != null) {
                d = d.withThreads(t -> t.nameMatches(nameFilter));
                if (d.threads().isEmpty()) {
                    continue;
                }
            }
            selected.add(d);
        }
        if (selected.isEmpty()) {
            throw new CliException(ExitCodes.NO_DATA, file + ": no thread dump matches " + describe());
        }
        if (last) {
            selected = List.of(selected.get(selected.size() - 1));
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        new DumpPrinter(lim).print(selected, out);
        out.flush();
        return ExitCodes.OK;
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        reasons.forEach(r -> parts.add("--reason " + r));
        threadGlobs.forEach(g -> parts.add("--thread " + g));
        return String.join(" ", parts);
    }

    static Predicate<String> nameFilter(List<String> globs) {
        if (globs.isEmpty()) {
            return null;
        }
        List<Pattern> patterns = globs.stream().map(Fnmatch::compile).toList();
        return name -> patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }
}
