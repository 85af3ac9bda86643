package io.jfrtrace.recorder;

import static io.jfrtrace.recorder.OptionValues.bad;
import static io.jfrtrace.recorder.OptionValues.bool;
import static io.jfrtrace.recorder.OptionValues.require;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's argument string: comma-separated {@code key=value}, values percent-encoded.
 * Keys: output, include, exclude (repeatable globs), builtins, settings, flushInterval, quiet
 * (quiet drops the informational "recording to" line; warnings about skipped classes always print),
 * profile (call profiling, default true), alloc (allocation traceback limit, absent = off),
 * allocExact, allocSample (mean bytes between liveness samples), snapshotInterval (ms, 0 = off),
 * snapshotSignal (USR1, HUP, ...; signals the VM or the agent needs are refused with a warning),
 * parent (the pid of jfr-trace record: when that process is gone, the JVM ends as on SIGTERM),
 * started (a file the agent creates first thing, so that record can tell a JVM that never started).
 */
public final class AgentOptions {
    /** Thrown for an unknown key or a bad value; the message is the line to print. */
    public static final class OptionException extends Exception {
        private static final long serialVersionUID = 1L;

        public OptionException(String message) {
            super(message);
        }
    }

    public final String raw;
    public String output = "jfr-trace.jfr";
    public final List<String> includes = new ArrayList<>();
    public final List<String> excludes = new ArrayList<>();
    public boolean builtins;
    public String settings = "default";
    public long flushIntervalMillis = 1000;
    public boolean quiet;
    public boolean profile = true;
    /** Allocation traceback limit (tracemalloc's nframe); 0 = allocation tracing off. */
    public int allocFrames;
    public boolean allocExact;
    public long allocSampleBytes = 64 * 1024;
    public long snapshotIntervalMillis;
    public String snapshotSignal;
    /** The pid of {@code jfr-trace record}, whose end ends the program; 0 = none. */
    public long parentPid;
    /** Created when the agent starts, before anything else; null = none. */
    public String startedFile;
    /** Lines to print on stderr (refused settings that do not stop the agent). */
    public final List<String> warnings = new ArrayList<>();

    /** Signals never used for snapshots: the VM's own, fatal ones, and the usual terminators. */
    static final java.util.Set<String> REFUSED_SIGNALS = java.util.Set.of(
            "USR2", "QUIT", "SEGV", "BUS", "ABRT", "ILL", "FPE", "KILL", "STOP", "INT", "TERM");
    /** faulthandler, watchdog, watchdogRepeat, watchdogExit, dumpSignal, dumpFile. */
    public final io.jfrtrace.recorder.faulthandler.FaultOptions fault = new io.jfrtrace.recorder.faulthandler.FaultOptions();

    private final List<Pattern> includePatterns = new ArrayList<>();
    private final List<Pattern> excludePatterns = new ArrayList<>();

    private AgentOptions(String raw) {
        this.raw = raw == null ? "" : raw;
    }

    public static AgentOptions parse(String args) throws OptionException {
        AgentOptions o = new AgentOptions(args);
        if (args == null || args.isEmpty()) {
            return o;
        }
        for (String part : args.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? null : decode(part.substring(eq + 1));
            switch (key) {
                case "output":
                    o.output = require(key, value);
                    break;
                case "include":
                    o.includes.add(require(key, value));
                    o.includePatterns.add(glob(value));
                    break;
                case "exclude":
                    o.excludes.add(require(key, value));
                    o.excludePatterns.add(glob(value));
                    break;
                case "builtins":
                    o.builtins = bool(key, value);
                    break;
                case "settings":
                    o.settings = require(key, value);
                    break;
                case "flushInterval":
                    try {
                        o.flushIntervalMillis = Long.parseLong(require(key, value).trim());
                    } catch (NumberFormatException e) {
                        throw bad(key, value);
                    }
                    if (o.flushIntervalMillis <= 0) {
                        throw bad(key, value);
                    }
                    break;
                case "quiet":
                    o.quiet = bool(key, value);
                    break;
                case "profile":
                    o.profile = bool(key, value);
                    break;
                case "alloc":
                    o.allocFrames = (int) positive(key, value, Integer.MAX_VALUE);
                    break;
                case "allocExact":
                    o.allocExact = bool(key, value);
                    break;
                case "allocSample":
                    o.allocSampleBytes = positive(key, value, Long.MAX_VALUE);
                    break;
                case "snapshotInterval":
                    o.snapshotIntervalMillis = nonNegative(key, value);
                    break;
                case "started":
                    o.startedFile = require(key, value);
                    break;
                case "parent":
                    o.parentPid = positive(key, value, Long.MAX_VALUE);
                    break;
                case "snapshotSignal": {
                    String sig = require(key, value).trim().toUpperCase(java.util.Locale.ROOT);
                    if (sig.startsWith("SIG")) {
                        sig = sig.substring(3);
                    }
                    if (REFUSED_SIGNALS.contains(sig) || !sig.matches("[A-Z0-9]+")) {
                        o.warnings.add("jfr-trace agent: snapshotSignal=" + value + " refused (USR2, QUIT, SEGV, "
                                + "BUS, ABRT, ILL, FPE, KILL, STOP, INT and TERM belong to the VM or end it; "
                                + "use USR1 or HUP); no signal snapshots");
                    } else {
                        o.snapshotSignal = sig;
                    }
                    break;
                }
                default:
                    if (o.fault.set(key, value)) {
                        break;
                    }
                    throw new OptionException("jfr-trace agent: unknown option '" + key + "'");
            }
        }
        return o;
    }

    private static long positive(String key, String value, long max) throws OptionException {
        long v = nonNegative(key, value);
        if (v < 1 || v > max) {
            throw bad(key, value);
        }
        return v;
    }

    private static long nonNegative(String key, String value) throws OptionException {
        try {
            long v = Long.parseLong(require(key, value).trim());
            if (v < 0) {
                throw bad(key, value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, value);
        }
    }

    private static String decode(String s) throws OptionException {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OptionException("jfr-trace agent: bad percent-encoding in '" + s + "'");
        }
    }




    /** Glob on a dotted class name: {@code *} any characters (dots included), {@code ?} one. */
    static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    /** Whether include/exclude allow the class (dotted name). */
    public boolean accepts(String dottedName) {
        if (!includePatterns.isEmpty()) {
            boolean any = false;
            for (Pattern p : includePatterns) {
                if (p.matcher(dottedName).matches()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (Pattern p : excludePatterns) {
            if (p.matcher(dottedName).matches()) {
                return false;
            }
        }
        return true;
    }
}
