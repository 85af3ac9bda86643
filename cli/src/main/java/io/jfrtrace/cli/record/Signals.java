package io.jfrtrace.cli.record;

import java.util.List;
import java.util.Locale;

/** Signals a user may hand to the recorder (dumps, snapshots), and why the others are refused. */
public final class Signals {
    /** Linux's numbering (x86-64 and arm64 agree on these), index = signal number. */
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private Signals() {
    }

    /** {@code SIGTERM} for 15; {@code signal 40} for a number without a name. */
    public static String name(int number) {
        return number > 0 && number < NAMES.size() ? "SIG" + NAMES.get(number) : "signal " + number;
    }

    /** 10 for {@code USR1}; 0 for a name this table does not know. */
    public static int number(String name) {
        return Math.max(0, NAMES.indexOf(name));
    }

    /**
     * The canonical name ({@code USR1} for {@code SIGUSR1}/{@code usr1}) of a signal the recorder may use; an
     * IllegalArgumentException saying why not in one line otherwise.
     */
    public static String usable(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        String why = switch (n) {
            case "USR1", "HUP", "WINCH", "URG", "CONT", "TTIN", "TTOU" -> null;
            case "USR2" -> "HotSpot uses SIGUSR2 to suspend and resume threads";
            case "QUIT" -> "SIGQUIT is the JVM's own thread dump signal";
            case "SEGV", "BUS", "ILL", "FPE" -> "the JVM uses SIG" + n + " itself (crashes are dumped anyway)";
            case "ABRT" -> "the JVM aborts with SIGABRT after a crash";
            case "INT", "TERM" -> "SIG" + n + " shuts the JVM down";
            case "KILL", "STOP" -> "SIG" + n + " cannot be caught";
            default -> "";
        };
        if (why == null) {
            return n;
        }
        if (why.isEmpty()) {
            throw new IllegalArgumentException("unknown signal '" + name + "' (use USR1, HUP, WINCH, URG, CONT, TTIN or TTOU)");
        }
        throw new IllegalArgumentException(n + " cannot be used: " + why);
    }
}
