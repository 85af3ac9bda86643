package io.jfrtrace.schema.agent;

/** The keys of the agent's option string (docs/events.md "Agent options"). */
public final class AgentKeys {
    /** The recording to write. */
    public static final String OUTPUT = "output";
    /** Profile only classes matching this glob on the dotted name ({@code *} any characters); repeatable. */
    public static final String INCLUDE = "include";
    /** Leave out classes matching this glob; repeatable. */
    public static final String EXCLUDE = "exclude";
    /** {@code true}: cProfile-style entries for calls into uninstrumented code. */
    public static final String BUILTINS = "builtins";
    /** JFR settings of the stock events: {@code default}, {@code profile}, {@code none} or a .jfc file. */
    public static final String SETTINGS = "settings";
    /** Milliseconds between flushes of the call-profile deltas. */
    public static final String FLUSH_INTERVAL = "flushInterval";
    /** {@code true}: no informational "recording to" line (warnings still print). */
    public static final String QUIET = "quiet";
    /** What call profiling's times measure: {@code wall} (default), {@code cpu} or {@code count} ({@code TimerMode}). */
    public static final String TIMER = "timer";
    /** {@code false}: no call profiling. */
    public static final String PROFILE = "profile";
    /** {@code true}: the profiler's own cost per call is measured at start and taken out of the times (--calibrate). */
    public static final String CALIBRATE = "calibrate";
    /** A calling-context tree per thread with at most this many call paths ({@code record --call-tree=N}); absent: none. */
    public static final String CALL_TREE = "callTree";
    /** Allocation tracing with this traceback limit (tracemalloc's nframe); absent: off. */
    public static final String ALLOC = "alloc";
    /** {@code true}: exact line counts of the instrumented classes ({@code record --lines}). */
    public static final String LINES = "lines";
    /** {@code true}: each executed line printed as it runs ({@code trace --trace}, python -m trace's layout). */
    public static final String TRACE = "trace";
    /** {@code true}: with {@link #TRACE}, each line prefixed with the seconds since the agent started ({@code -g}). */
    public static final String TRACE_TIMING = "traceTiming";
    /**
     * A folder where {@link #TRACE} looks up a class's source by its package path, repeatable; the agent reads no other
     * file for it (none given: every line prints without its text, as CPython's linecache without the file).
     */
    public static final String SOURCE_PATH = "sourcePath";
    /** {@code true}: every object's liveness tracked. */
    public static final String ALLOC_EXACT = "allocExact";
    /** Mean bytes between liveness samples. */
    public static final String ALLOC_SAMPLE = "allocSample";
    /** Milliseconds between allocation snapshots; 0: none. */
    public static final String SNAPSHOT_INTERVAL = "snapshotInterval";
    /** An allocation snapshot on this signal ({@link DumpSignals}). */
    public static final String SNAPSHOT_SIGNAL = "snapshotSignal";
    /** The pid of {@code jfr-trace record}: when it is gone, the JVM ends as on SIGTERM. */
    public static final String PARENT = "parent";
    /** A file the agent creates first thing, so that record can tell a JVM that never started. */
    public static final String STARTED = "started";
    /** {@code false}: no fatal-error dumps and no default dump signal. */
    public static final String FAULTHANDLER = "faulthandler";
    /** Microseconds after which all threads are dumped ({@code dump_traceback_later}). */
    public static final String WATCHDOG = "watchdog";
    /** {@code true}: dump again every watchdog period. */
    public static final String WATCHDOG_REPEAT = "watchdogRepeat";
    /** {@code true}: end the JVM with status 1 after the watchdog's dump. */
    public static final String WATCHDOG_EXIT = "watchdogExit";
    /** The dump signal ({@link DumpSignals}), or {@code none}; default USR1 while faulthandler is on. */
    public static final String DUMP_SIGNAL = "dumpSignal";
    /** Also write each dump as faulthandler text to this file ({@code -}: stderr). */
    public static final String DUMP_FILE = "dumpFile";

    /**
     * A file in {@code jfr-trace attach}'s private folder where the agent, loaded into a running JVM, writes how its
     * start or stop went (one line), since its stderr is the program's.
     */
    public static final String REPLY = "reply";
    /** {@code true}: a second attach that ends the recording the first one started ({@code jfr-trace attach --stop}). */
    public static final String STOP = "stop";

    /** The value of {@link #DUMP_SIGNAL} that turns the dump signal off. */
    public static final String NO_SIGNAL = "none";

    private AgentKeys() {
    }
}
