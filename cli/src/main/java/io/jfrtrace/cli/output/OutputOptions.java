package io.jfrtrace.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.report.ReportWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format} and {@code -o}: how and where a command prints its report (a picocli mixin). */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Formats.Converter.class,
            completionCandidates = Formats.Names.class,
            description = "How to print the report: ${COMPLETION-CANDIDATES} (default: text, Python's own).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (readable by you alone) instead of standard output.")
    Path file;

    /** The chosen format (text unless {@code --format} says otherwise). */
    public Format format() {
        return format == null ? Formats.TEXT : format;
    }

    /** Whether {@code --format} was given (a report that has one fixed format refuses another). */
    public boolean formatGiven() {
        return format != null;
    }

    /**
     * Checks, before any work, that the chosen format prints this kind of report and that the destination can be
     * written without replacing one of the command's inputs, and returns what prints it.
     */
    public <R> ReportPrinter<R> printer(Class<R> reportType, Collection<Path> inputs) {
        return printer(reportType, format(), inputs);
    }

    /** As {@link #printer(Class, Collection)} in a format the report prescribes (such as {@code alloc --csv}). */
    public <R> ReportPrinter<R> printer(Class<R> reportType, Format fixed, Collection<Path> inputs) {
        ReportWriter<? super R> writer = fixed.writerFor(reportType).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--format " + fixed.name() + " cannot print this report (formats that can: "
                        + String.join(", ", Formats.ALL.stream().filter(f -> f.writerFor(reportType).isPresent())
                                .map(Format::name).toList()) + ")"));
        if (file == null) {
            return new ReportPrinter<>(writer, null, spec.commandLine().getOut());
        }
        for (Path input : inputs) {
            if (sameFile(input, file)) {
                throw new CliException(ExitCodes.USAGE, "-o " + file + " is an input of this command; it is not overwritten");
            }
        }
        OutputFiles.checkWritable(file);
        return new ReportPrinter<>(writer, file, null);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // one of them cannot be looked at: the read or the write will say why
        }
    }
}
