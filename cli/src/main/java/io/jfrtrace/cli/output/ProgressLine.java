package io.jfrtrace.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import io.jfrtrace.analyzer.jfr.ReadProgress;

/**
 * A read's progress on stderr, when stderr is a terminal and the read has taken more than a second: one line,
 * rewritten in place ({@code jfr-trace stats: reading big.jfr: chunk 5 of 16}), cleared when the read is done, so
 * that nothing of it stays in what the user sees or in a file stderr goes to.
 */
public final class ProgressLine implements ReadProgress {
    private static final long AFTER_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final LongSupplier clock;
    private final long start;
    private int shown;

    ProgressLine(PrintWriter err, String what, LongSupplier clock) {
        this.err = err;
        this.what = what;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A progress line for {@code what} ({@code jfr-trace stats: reading FILE}), or none if it must stay quiet. */
    public static ReadProgress of(PrintWriter err, String what, boolean quiet) {
        return quiet || !stderrIsATerminal() ? ReadProgress.NONE : new ProgressLine(err, what, System::nanoTime);
    }

    @Override
    public void chunksRead(int done, int chunks) {
        if (done >= chunks) {
            if (shown > 0) {
                err.print("\r" + " ".repeat(shown) + "\r");
                err.flush();
                shown = 0;
            }
            return;
        }
        if (clock.getAsLong() - start < AFTER_NANOS) {
            return;
        }
        String line = what + ": chunk " + done + " of " + chunks;
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = Math.max(shown, line.length());
    }

    /** Whether this process's stderr is a terminal (Linux: file descriptor 2 is a tty or pty). */
    private static boolean stderrIsATerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
