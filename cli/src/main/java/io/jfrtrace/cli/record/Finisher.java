package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.jfrtrace.cli.exit.ExitCodes;

/**
 * Completes record's output exactly once after the JVM ended, whichever way it ended, and says in one
 * line what the output holds. Its result is record's exit status: the program's own, except when the
 * JVM could not start (125) or its recording could not be written (5).
 */
public final class Finisher {
    private final Process child;
    private final Path out;
    private final RunFolder run;
    private final Path workDir;
    private final boolean quiet;
    private final PrintWriter err;
    private boolean done;

    public Finisher(Process child, Path out, RunFolder run, Path workDir, boolean quiet, PrintWriter err) {
        this.child = child;
        this.out = out;
        this.run = run;
        this.workDir = workDir;
        this.quiet = quiet;
        this.err = err;
    }

    /** record's own JVM is shutting down for a reason no relayed signal covers: stop the JVM, then finish. */
    public void onOwnTermination() {
        if (child.isAlive()) {
            child.destroy();
            try {
                child.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finish(child.isAlive() ? -1 : child.exitValue());
    }

    /** Completes the output after the JVM ended with {@code status}; record's exit status. */
    public synchronized int finish(int status) {
        if (done) {
            return status;
        }
        done = true;
        try {
            return complete(status);
        } catch (IOException e) {
            err.println("jfr-trace: could not complete " + out + ": " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        } finally {
            err.flush();
            run.delete();
        }
    }

    private int complete(int status) throws IOException {
        // Asked before recovery removes a partial output, which would free the space the JVM lacked;
        // null when the file system takes a write (the JVM failed for another reason, e.g. a full heap).
        String writeFailure = status <= 128 && Files.exists(out) && !RecordingRecovery.isReadable(out) ? writeProblem() : null;
        Path hsErr = CrashFiles.keepBeside(out, child.pid(), run.dir(), workDir);
        RecordingRecovery.Result r = RecordingRecovery.ensureReadable(out, child.pid(), run.repository(), workDir);
        CrashDump.Outcome dump = appendCrashDump(hsErr);
        boolean killed = status > 128;
        String how = killed ? "the program was killed by signal " + (status - 128) + " (" + Signals.name(status - 128) + ")"
                : "the JVM ended without finishing its recording";
        int exit = status;
        switch (r.source()) {
            case COMPLETE -> {
                if (!quiet) {
                    err.println("jfr-trace: wrote " + out);
                }
            }
            case EMERGENCY_DUMP -> err.println("jfr-trace: " + how + "; wrote " + out
                    + " from the JVM's emergency dump " + r.detail());
            case REPOSITORY -> err.println("jfr-trace: " + how + "; recovered " + r.chunks()
                    + " chunk(s) from the JFR repository into " + out + " (the last ~1 s before the end is lost)");
            case PARTIAL -> {
                String why = writeFailure != null ? "could not write all of " + out + ": " + writeFailure : how;
                err.println("jfr-trace: " + why + "; kept the first " + r.chunks() + " complete chunk(s) of " + out);
                exit = writeFailure != null ? ExitCodes.CANNOT_WRITE : status;
            }
            case NOTHING -> {
                if (dump == null) { // else the crash line below says what the file holds
                    exit = reportNothing(status, hsErr != null, writeFailure);
                }
            }
        }
        reportCrash(hsErr, dump, r.source() == RecordingRecovery.Source.NOTHING);
        return exit;
    }

    /** No recording at all: why, in one line, and the status that says it. */
    private int reportNothing(int status, boolean crashed, String writeFailure) {
        boolean killed = status > 128;
        if (!run.programStarted() && !crashed) {
            if (killed) {
                err.println("jfr-trace: the program never started: the JVM was stopped by " + Signals.name(status - 128)
                        + " while starting; nothing was recorded");
                return status;
            }
            err.println("jfr-trace: the JVM could not start (its message is above); nothing was recorded");
            return ExitCodes.CANNOT_LAUNCH;
        }
        if (killed) {
            err.println("jfr-trace: the program was killed by signal " + (status - 128) + " (" + Signals.name(status - 128)
                    + ") before its recording held any data; " + out + " was not written");
            return status;
        }
        if (writeFailure != null) {
            err.println("jfr-trace: could not write " + out + ": " + writeFailure + "; nothing of the recording could be kept");
            return ExitCodes.CANNOT_WRITE;
        }
        err.println("jfr-trace: the JVM ended without writing its recording (see its messages above); " + out + " was not written");
        return status;
    }

    /**
     * Why the JVM could not write the output: the system's own words from a trial write beside it
     * ({@code No space left on device}), since the JVM's message gives no reason; null if the write works.
     */
    private String writeProblem() {
        Path probe = null;
        try {
            probe = Files.createTempFile(out.toAbsolutePath().getParent(), ".jfr-trace-", ".probe");
            try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate(1 << 16);
                while (block.hasRemaining()) {
                    ch.write(block);
                }
                ch.force(false);
            }
            return null;
        } catch (IOException e) {
            return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // the probe is tiny and hidden
                }
            }
        }
    }

    /** After a native crash: the fatal dump goes into the output (null: no crash, or it could not). */
    private CrashDump.Outcome appendCrashDump(Path hsErr) {
        try {
            return CrashDump.append(out, hsErr, run.crashFile());
        } catch (IOException | RuntimeException e) {
            if (hsErr != null) {
                err.println("jfr-trace: could not add the crash's thread dump to " + out + ": " + e);
            }
            return null;
        }
    }

    /** One line says what crashed and what the output now holds. */
    private void reportCrash(Path hsErr, CrashDump.Outcome dump, boolean nothingRecorded) {
        if (hsErr == null && dump == null) {
            return;
        }
        String what = CrashFiles.headline(hsErr);
        StringBuilder line = new StringBuilder("jfr-trace: the JVM crashed (")
                .append(what != null ? what : dump != null ? dump.detail() : "a fatal error").append(")");
        if (dump != null) {
            line.append(nothingRecorded ? " before it recorded anything; wrote only" : "; added")
                    .append(" the dump \"Fatal JVM error: ").append(dump.detail()).append("\" to ").append(out)
                    .append(" (crashing thread ").append(dump.threadName() == null ? "unknown" : "\"" + dump.threadName() + "\"")
                    .append(", frames from ").append(dump.frameSource()).append(", ").append(dump.threads())
                    .append(dump.threads() == 1 ? " thread" : " threads").append(")");
        }
        if (hsErr != null) {
            line.append("; HotSpot's error log is ").append(hsErr);
        }
        err.println(line);
    }
}
