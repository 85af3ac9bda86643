package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jfrtrace.schema.agent.DumpSignals;

/** Signal names and Linux's numbers; which ones a user may hand to the recorder is {@link DumpSignals}' rule. */
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

    /** Whether a process catches signal {@code number} (Linux: the SigCgt mask of its /proc status); null when unknown. */
    public static Boolean catches(Path procStatus, int number) {
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("SigCgt:")) {
                    long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (mask & (1L << (number - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * The canonical name ({@code USR1} for {@code SIGUSR1}/{@code usr1}) of a signal {@link DumpSignals} allows; an
     * IllegalArgumentException saying why not in one line otherwise.
     */
    public static String usable(String name) {
        return DumpSignals.check(name);
    }
}
