package io.jfrtrace.analyzer.faulthandler;

import java.util.Locale;

/** Why a dump was taken; decides its header (see {@link DumpPrinter}). */
public enum Reason {
    /** {@code dump_traceback()}: an API call, {@code jcmd Thread.print}, a stock {@code jdk.ThreadDump}. No header. */
    REQUEST,
    /** {@code dump_traceback_later()}: the watchdog fired. Header {@code Timeout (H:MM:SS[.ffffff])!}. */
    TIMEOUT,
    /** {@code register(signum)}: a signal asked for it. No header. */
    SIGNAL,
    /** {@code enable()}: a fatal error. Header {@code Fatal JVM error: DETAIL} and an empty line. */
    FATAL;

    /** The lower-case name used in events and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code request}, {@code timeout}, {@code signal} or {@code fatal} (any case). */
    public static Reason parse(String s) {
        if (s != null) {
            for (Reason r : values()) {
                if (r.label().equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown dump reason '" + s + "' (request, timeout, signal or fatal)");
    }
}
