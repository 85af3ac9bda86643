package io.jfrtrace.cli.exit;

/**
 * The documented exit codes of jfr-trace's own failures (README.md, "Exit codes"). {@code record}
 * otherwise exits with the recorded program's own status (128 + N if a signal N killed it).
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad command line: unknown option, value out of range, unknown sort key, missing main class. */
    public static final int USAGE = 2;
    /** An input file is missing, empty, truncated, not a JFR recording, or corrupt. */
    public static final int BAD_INPUT = 3;
    /** The recording is readable but holds none of the data the command needs. */
    public static final int NO_DATA = 4;
    /** An output file cannot be written, or record's cache folder is one another user could write to. */
    public static final int CANNOT_WRITE = 5;
    /** {@code dump PID}: no such process, not a JVM, or the JVM cannot be attached to (other user, -XX:+DisableAttachMechanism). */
    public static final int NOT_ATTACHABLE = 6;
    /** The JVM to run could not be started. */
    public static final int CANNOT_LAUNCH = 125;
    /** A bug in jfr-trace itself (reported in one line; set JFR_TRACE_DEBUG=1 for the stack trace). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
