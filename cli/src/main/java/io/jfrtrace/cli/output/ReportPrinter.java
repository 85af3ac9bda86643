package io.jfrtrace.cli.output;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.privatefiles.PrivateFile;

/** A report's writer and destination, checked and chosen before the work (see {@link OutputOptions}). */
public final class ReportPrinter<R> {
    private final ReportWriter<? super R> writer;
    private final Path file;
    private final PrintWriter stdout;

    ReportPrinter(ReportWriter<? super R> writer, Path file, PrintWriter stdout) {
        this.writer = writer;
        this.file = file;
        this.stdout = stdout;
    }

    /** Writes the report to the command line's standard output, or to a new file of the user's alone (UTF-8). */
    public void print(R report) {
        if (file == null) {
            try {
                writer.write(report, new Unclosable(stdout));
            } catch (IOException | UncheckedIOException e) { // PrintWriter reports none; a writer's own, if any
                throw new CliException(ExitCodes.CANNOT_WRITE, "cannot write the report: " + e.getMessage());
            }
            stdout.flush();
            return;
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(PrivateFile.newOutputStream(file), StandardCharsets.UTF_8))) {
            writer.write(report, new Unclosable(out));
        } catch (IOException e) {
            throw cannotWrite(e);
        } catch (UncheckedIOException e) {
            throw cannotWrite(e.getCause());
        }
    }

    private CliException cannotWrite(IOException e) {
        return new CliException(ExitCodes.CANNOT_WRITE, "cannot write " + file + ": "
                + OutputFiles.reason(e, file.toAbsolutePath().getParent()));
    }

    /** The destination belongs to the printer: a writer (or Commons CSV's printer) closing it only flushes it. */
    private static final class Unclosable extends FilterWriter {
        Unclosable(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
