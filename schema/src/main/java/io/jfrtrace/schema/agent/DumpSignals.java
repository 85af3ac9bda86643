package io.jfrtrace.schema.agent;

import java.util.List;
import java.util.Locale;

/**
 * The signals jfr-trace may handle in the program's JVM (dumps, allocation snapshots): only those HotSpot leaves
 * alone. One rule for {@code record}'s options, the agent's option string and the FaultHandler API.
 */
public final class DumpSignals {
    /** The usable ones, canonical names (no SIG prefix). */
    public static final List<String> USABLE = List.of("USR1", "HUP", "WINCH", "URG", "CONT", "TTIN", "TTOU");
    /** The dump signal while faulthandler is on, unless another is chosen. */
    public static final String DEFAULT = "USR1";

    private DumpSignals() {
    }

    /**
     * The canonical name ({@code USR1} for {@code SIGUSR1}, {@code usr1}) of a usable signal, or an
     * IllegalArgumentException whose message says in one line why not.
     */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no signal name given");
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        if (USABLE.contains(n)) {
            return n;
        }
        String why = switch (n) {
            case "USR2" -> "HotSpot uses SIGUSR2 to suspend and resume threads (JFR sampling would stop)";
            case "QUIT" -> "SIGQUIT is the JVM's own thread dump signal (kill -3)";
            case "SEGV", "BUS", "ILL", "FPE" -> "the JVM uses SIG" + n + " itself; real crashes are dumped as fatal errors";
            case "ABRT" -> "the JVM aborts with SIGABRT after a crash";
            case "INT", "TERM" -> "SIG" + n + " shuts the JVM down (shutdown hooks, the recording)";
            case "KILL", "STOP" -> "SIG" + n + " cannot be caught";
            default -> null;
        };
        if (why == null) {
            throw new IllegalArgumentException("unknown signal '" + name + "' (use " + String.join(", ", USABLE) + ")");
        }
        throw new IllegalArgumentException("SIG" + n + " cannot be used: " + why);
    }
}
