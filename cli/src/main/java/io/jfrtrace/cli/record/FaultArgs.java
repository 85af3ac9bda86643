package io.jfrtrace.cli.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and converts record's faulthandler options (--watchdog, --dump-signal) for the agent. */
public final class FaultArgs {
    private static final Pattern DURATION = Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))\\s*(us|ms|s|m|h)?");

    private FaultArgs() {
    }

    /**
     * {@code 5s}, {@code 500ms}, {@code 0.5s}, {@code 2m}, {@code 1h}, {@code 250us}, a plain number
     * in seconds; in microseconds, rounded away from zero. Throws with the reason for zero, negative
     * or unparsable values.
     */
    public static long durationMicros(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--watchdog: '" + text + "' is not a duration (e.g. 5s, 500ms, 0.5s, 2m, 1h)");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long perUnit = switch (unit) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "m" -> 60_000_000L;
            case "h" -> 3_600_000_000L;
            default -> 1_000_000L;
        };
        BigDecimal micros = v.multiply(BigDecimal.valueOf(perUnit)).setScale(0, RoundingMode.UP);
        if (micros.signum() <= 0) {
            throw new IllegalArgumentException("--watchdog: the timeout must be positive, not '" + text + "'");
        }
        if (micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
            throw new IllegalArgumentException("--watchdog: '" + text + "' is too long");
        }
        return micros.longValueExact();
    }

    /** The canonical name ({@code USR1}) of a signal dumps may use, or throws with the reason. */
    public static String signal(String name) {
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
            throw new IllegalArgumentException("--dump-signal: unknown signal '" + name + "' (use USR1, HUP, WINCH, URG, CONT, TTIN or TTOU)");
        }
        throw new IllegalArgumentException("--dump-signal: " + n + " cannot be used: " + why);
    }
}
