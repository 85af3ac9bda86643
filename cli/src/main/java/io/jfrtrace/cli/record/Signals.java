package io.jfrtrace.cli.record;

import java.util.Locale;

import io.jfrtrace.cli.CliException;
import io.jfrtrace.cli.ExitCodes;

/** Signals a user may hand to the recorder (dumps, snapshots), and why the others are refused. */
public final class Signals {
    private Signals() {
    }

    /** The canonical name ({@code USR1} for {@code SIGUSR1}/{@code usr1}), or a usage error in one line. */
    public static String checkUsable(String option, String name) {
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
            throw new CliException(ExitCodes.USAGE, option + ": unknown signal '" + name + "' (use USR1, HUP, WINCH, URG, CONT, TTIN or TTOU)");
        }
        throw new CliException(ExitCodes.USAGE, option + ": " + n + " cannot be used: " + why);
    }
}
