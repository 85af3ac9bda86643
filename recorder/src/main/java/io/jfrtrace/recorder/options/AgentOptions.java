package io.jfrtrace.recorder.options;

import static io.jfrtrace.recorder.options.OptionValues.bad;
import static io.jfrtrace.recorder.options.OptionValues.bool;
import static io.jfrtrace.recorder.options.OptionValues.require;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.jfrtrace.schema.TimerMode;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import io.jfrtrace.schema.agent.DumpSignals;

/**
 * The agent's argument string ({@link AgentArguments}; every key in {@link AgentKeys}). A snapshotSignal the
 * agent may not use ({@link DumpSignals}) is refused with a warning: the program runs, without signal snapshots.
 */
public final class AgentOptions {
    /** In {@code output}, this JVM's pid (plain -javaagent only). */
    static final String PID = "{pid}";

    public final String raw;
    public String output = "jfr-trace.jfr";
    public final List<String> includes = new ArrayList<>();
    public final List<String> excludes = new ArrayList<>();
    public boolean builtins;
    public String settings = "default";
    public long flushIntervalMillis = 1000;
    public boolean quiet;
    public boolean profile = true;
    /** What call profiling's times measure (record --timer). */
    public TimerMode timer = TimerMode.WALL;
    /** The profiler's own cost per call measured at start and taken out of the times (profile.py's calibrate). */
    public boolean calibrate;
    /** With call profiling, a calling-context tree per thread of at most this many call paths; 0 = none. */
    public int callTree;
    /** Allocation traceback limit (tracemalloc's nframe); 0 = allocation tracing off. */
    public int allocFrames;
    public boolean allocExact;
    /** Exact line counts (python -m trace --count). */
    public boolean lines;
    /** Each executed line printed as it runs (python -m trace --trace), with {@code traceTiming} the -g prefix. */
    public boolean trace;
    public boolean traceTiming;
    /** Folders the traced lines' source is read from (nothing else is read for them). */
    public final List<String> sourcePath = new ArrayList<>();
    public long allocSampleBytes = 64 * 1024;
    public long snapshotIntervalMillis;
    public String snapshotSignal;
    /** The pid of {@code jfr-trace record}, whose end ends the program; 0 = none. */
    public long parentPid;
    /** Created when the agent starts, before anything else; null = none. */
    public String startedFile;
    /** Under attach: where the agent's one-line outcome goes (see AgentKeys.REPLY); null: stderr. */
    public String replyFile;
    /** Under attach: end the recording an earlier attach started. */
    public boolean stop;
    /** Lines to print on stderr (refused settings that do not stop the agent). */
    public final List<String> warnings = new ArrayList<>();

    /** faulthandler, watchdog, watchdogRepeat, watchdogExit, dumpSignal, dumpFile. */
    public final FaultOptions fault = new FaultOptions();

    private final List<Pattern> includePatterns = new ArrayList<>();
    private final List<Pattern> excludePatterns = new ArrayList<>();

    private AgentOptions(String raw) {
        this.raw = raw == null ? "" : raw;
    }

    public static AgentOptions parse(String args) throws OptionException {
        AgentOptions o = new AgentOptions(args);
        List<AgentArguments.Pair> pairs;
        try {
            pairs = AgentArguments.parse(args);
        } catch (IllegalArgumentException e) {
            throw new OptionException("jfr-trace agent: " + e.getMessage());
        }
        for (AgentArguments.Pair pair : pairs) {
            String key = pair.key();
            String value = pair.value();
            switch (key) {
                case AgentKeys.OUTPUT:
                    o.output = require(key, value);
                    break;
                case AgentKeys.INCLUDE:
                    o.includes.add(require(key, value));
                    o.includePatterns.add(glob(value));
                    break;
                case AgentKeys.EXCLUDE:
                    o.excludes.add(require(key, value));
                    o.excludePatterns.add(glob(value));
                    break;
                case AgentKeys.BUILTINS:
                    o.builtins = bool(key, value);
                    break;
                case AgentKeys.SETTINGS:
                    o.settings = require(key, value);
                    break;
                case AgentKeys.FLUSH_INTERVAL:
                    try {
                        o.flushIntervalMillis = Long.parseLong(require(key, value).trim());
                    } catch (NumberFormatException e) {
                        throw bad(key, value);
                    }
                    if (o.flushIntervalMillis <= 0) {
                        throw bad(key, value);
                    }
                    break;
                case AgentKeys.QUIET:
                    o.quiet = bool(key, value);
                    break;
                case AgentKeys.TIMER:
                    o.timer = TimerMode.named(require(key, value));
                    if (o.timer == null) {
                        throw bad(key, value);
                    }
                    break;
                case AgentKeys.PROFILE:
                    o.profile = bool(key, value);
                    break;
                case AgentKeys.CALIBRATE:
                    o.calibrate = bool(key, value);
                    break;
                case AgentKeys.CALL_TREE:
                    o.callTree = (int) positive(key, value, Integer.MAX_VALUE);
                    break;
                case AgentKeys.ALLOC:
                    o.allocFrames = (int) positive(key, value, Integer.MAX_VALUE);
                    break;
                case AgentKeys.LINES:
                    o.lines = bool(key, value);
                    break;
                case AgentKeys.TRACE:
                    o.trace = bool(key, value);
                    break;
                case AgentKeys.TRACE_TIMING:
                    o.traceTiming = bool(key, value);
                    break;
                case AgentKeys.SOURCE_PATH:
                    o.sourcePath.add(require(key, value));
                    break;
                case AgentKeys.ALLOC_EXACT:
                    o.allocExact = bool(key, value);
                    break;
                case AgentKeys.ALLOC_SAMPLE:
                    o.allocSampleBytes = positive(key, value, Long.MAX_VALUE);
                    break;
                case AgentKeys.SNAPSHOT_INTERVAL:
                    o.snapshotIntervalMillis = nonNegative(key, value);
                    break;
                case AgentKeys.STARTED:
                    o.startedFile = require(key, value);
                    break;
                case AgentKeys.REPLY:
                    o.replyFile = require(key, value);
                    break;
                case AgentKeys.STOP:
                    o.stop = bool(key, value);
                    break;
                case AgentKeys.PARENT:
                    o.parentPid = positive(key, value, Long.MAX_VALUE);
                    break;
                case AgentKeys.SNAPSHOT_SIGNAL:
                    try {
                        o.snapshotSignal = DumpSignals.check(require(key, value));
                    } catch (IllegalArgumentException e) {
                        o.warnings.add("jfr-trace agent: snapshotSignal=" + value + " refused (" + e.getMessage()
                                + "); no signal snapshots");
                    }
                    break;
                default:
                    if (o.fault.set(key, value)) {
                        break;
                    }
                    throw new OptionException("jfr-trace agent: unknown option '" + key + "'");
            }
        }
        if (o.countsOnly() && (o.builtins || o.allocFrames > 0)) {
            // built-in entries and allocation tracebacks live on the timed profiler's shadow stack
            throw new OptionException("jfr-trace agent: timer=count does not combine with "
                    + (o.builtins ? "builtins" : "alloc"));
        }
        return o;
    }

    /** Call profiling with {@code timer=count}: counts only, on the light hooks ({@code CallCounter}). */
    public boolean countsOnly() {
        return profile && timer == TimerMode.COUNT;
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

    /**
     * The recording's file. Under a plain -javaagent, {@code {pid}} in it stands for this JVM's pid, so that each JVM
     * of a test suite (Surefire forks one or more) writes a file of its own; under {@code jfr-trace record} (a parent)
     * the name is record's, used as it is.
     */
    public String outputFile(long pid) {
        return parentPid == 0 ? output.replace(PID, Long.toString(pid)) : output;
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
