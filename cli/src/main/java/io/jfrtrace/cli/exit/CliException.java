package io.jfrtrace.cli.exit;

/** A failure to report as one line on stderr with a documented exit code (see {@link ExitCodes}). */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
