package io.jfrtrace.cli.browse;

import java.io.IOError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import io.jfrtrace.analyzer.pstats.browser.LineSource;

/**
 * The browser's commands from a terminal, with line editing and an in-memory history (JLine), as CPython's
 * {@code input()} has them through readline; the browser's output, written to {@code out}, is flushed before each
 * prompt. Ctrl-D at an empty line is the end of the input (EOF); Ctrl-C ends the browser as a KeyboardInterrupt ends
 * {@code python -m pstats}: quietly ({@link Interrupted}). JLine takes about 0.2 s to set up (its classes and
 * {@code stty}): it does so on a thread of its own while the browser reads its files.
 */
public final class TerminalLines implements LineSource, AutoCloseable {
    /** Ctrl-C at the prompt. */
    public static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private final CompletableFuture<LineReader> reader;
    private final PrintWriter out;

    private TerminalLines(CompletableFuture<LineReader> reader, PrintWriter out) {
        this.reader = reader;
        this.out = out;
    }

    /**
     * The terminal the JVM runs in, driven through {@code stty} (JLine's exec provider): JLine's other providers load
     * a native library that it unpacks into a shared temp folder, which jfr-trace never loads code from.
     */
    public static TerminalLines open(PrintWriter out) {
        return new TerminalLines(CompletableFuture.supplyAsync(() -> {
            try {
                Terminal terminal = TerminalBuilder.builder().system(true).provider("exec").build();
                return LineReaderBuilder.builder().terminal(terminal).appName("jfr-trace browse").build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), out);
    }

    @Override
    public String readLine(String prompt) throws IOException {
        out.flush(); // what the last command printed, before the editor draws the prompt
        String line;
        try {
            line = editor().readLine(prompt.replace("%", "%%")); // JLine expands %-sequences in a prompt
        } catch (EndOfFileException e) {
            line = null;
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (IOError e) {
            // the SIGINT's interrupt struck while JLine ran stty to give the terminal back its settings after the
            // read (seen on CI with Ctrl-C then Ctrl-D): still the user's Ctrl-C; close() restores the terminal
            if (e.getCause() instanceof InterruptedIOException) {
                throw new Interrupted();
            }
            throw e;
        }
        // JLine's SIGINT handler interrupts this thread: a Ctrl-C that came just as a line or Ctrl-D ended the read
        // leaves only the flag, and is still the user's Ctrl-C
        if (Thread.interrupted()) {
            throw new Interrupted();
        }
        return line;
    }

    private LineReader editor() throws IOException {
        try {
            return reader.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        Thread.interrupted(); // a late Ctrl-C must not fail the stty that gives the terminal back its settings
        editor().getTerminal().close();
    }
}
