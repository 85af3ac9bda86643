package io.jfrtrace.cli.record;

import java.util.Locale;
import java.util.Set;

import io.jfrtrace.cli.CliException;
import io.jfrtrace.cli.ExitCodes;

/** Signal names a user may hand to the recorder, and the ones the JVM owns or that break it. */
public final class Signals {
    /** HotSpot's own (USR2 suspend/resume, QUIT thread dumps, SEGV/BUS/ILL/FPE implicit checks), or uncatchable. */
    private static final Set<String> REFUSED = Set.of("USR2", "QUIT", "SEGV", "BUS", "ABRT", "ILL", "FPE", "KILL", "STOP");
    private static final Set<String> KNOWN = Set.of("HUP", "INT", "USR1", "USR2", "TERM", "QUIT", "SEGV", "BUS", "ABRT",
            "ILL", "FPE", "KILL", "STOP", "ALRM", "PIPE", "CHLD", "CONT", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
            "XFSZ", "VTALRM", "PROF", "WINCH", "TRAP", "SYS", "PWR");

    private Signals() {
    }

    /** The canonical name ({@code USR1} for {@code SIGUSR1}/{@code usr1}), or a usage error in one line. */
    public static String checkUsable(String option, String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        if (!KNOWN.contains(n)) {
            throw new CliException(ExitCodes.USAGE, option + ": unknown signal '" + name + "'");
        }
        if (REFUSED.contains(n)) {
            throw new CliException(ExitCodes.USAGE, option + ": SIG" + n + " belongs to the JVM (or cannot be caught); use USR1 or HUP");
        }
        if (n.equals("INT") || n.equals("TERM")) {
            throw new CliException(ExitCodes.USAGE, option + ": SIG" + n + " ends the program; use USR1 or HUP");
        }
        return n;
    }
}
