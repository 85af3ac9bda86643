package io.jfrtrace.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.cli.record.ProfileAtExit;
import io.jfrtrace.cli.record.ProgramRun;
import io.jfrtrace.cli.record.SignalRelay;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import io.jfrtrace.schema.agent.DumpSignals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code jfr-trace record}: runs a JVM program under the recorder agent (python -m cProfile -o). */
@Command(name = "record",
        footer = {"", "Examples:",
                "  jfr-trace record -cp app.jar com.example.Main arg1 arg2",
                "  jfr-trace record -s cumulative -o run.jfr -- -jar app.jar",
                "  jfr-trace record --alloc=10 --watchdog 30s -- -cp classes com.example.Main"}, mixinStandardHelpOptions = true,
        description = {"Run a Java program under the jfr-trace agent and write a .jfr recording.",
                "Everything after the options (or after --) is passed to java: -cp app.jar com.example.Main ARGS, or -jar app.jar ARGS "
                        + "(app.jar ARGS alone means -jar app.jar ARGS).",
                "Exits with the program's exit code. TERM, INT, HUP and the dump signal (USR1) sent to record are passed on to",
                "the program; if record itself is killed, the program ends as on SIGTERM and its recording is complete."})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Recording to write (default: <main class or jar name>.jfr).")
    Path output;

    /** python -m cProfile -s KEY; empty: print nothing. */
    List<SortKey> sort = List.of();

    @Option(names = {"-s", "--sort"}, paramLabel = "KEY", completionCandidates = SortKeyWords.class,
            description = "When the program has ended, print its call profile sorted by KEY, as python -m cProfile -s KEY "
                    + "does (repeatable for tie-breaks; the keys of stats -s). The recording is written as usual.")
    void sortBy(List<String> keys) { // the list so far: pstats' rule is about all keys together
        sort = SortKey.parseArgs(keys);
    }

    @Mixin
    ProfilingOptions profiling;

    @Option(names = "--alloc", arity = "0..1", fallbackValue = "1", paramLabel = "NFRAME", preprocessor = BareAlloc.class,
            description = "Trace allocations like tracemalloc.start(NFRAME): live objects by traceback, NFRAME >= 1 frames "
                    + "(default 1). Give NFRAME attached: --alloc=25.")
    Integer allocFrames;

    @Option(names = "--alloc-exact", description = "Track every object's liveness (exact live counts; for small programs and tests).")
    boolean allocExact;

    @Option(names = "--alloc-sample", paramLabel = "BYTES", description = "Mean distance in bytes between liveness samples (default 65536); smaller is more accurate and slower.")
    Long allocSample;

    @Option(names = "--snapshot-interval", paramLabel = "DURATION", converter = Converters.PositiveDurations.class,
            description = "Also take an allocation snapshot every DURATION (5s, 500ms, ...).")
    Duration snapshotInterval;

    @Option(names = "--snapshot-signal", paramLabel = "SIG", converter = Converters.UsableSignals.class,
            completionCandidates = Converters.SignalNames.class,
            description = "Take an allocation snapshot when the program receives SIG (e.g. HUP; never USR2).")
    String snapshotSignal;

    @Option(names = "--no-profile", description = "Do not profile calls (e.g. to measure allocation tracing alone).")
    boolean noProfile;

    @Option(names = "--lines", description = "Also count every executed line of the instrumented classes exactly "
            + "(for `jfr-trace trace --report`, as python -m trace --count).")
    boolean lines;

    @Option(names = "--java", paramLabel = "PATH", description = "The java executable to run (default: the one running jfr-trace).")
    Path java;

    @Option(names = "--watchdog", paramLabel = "DURATION", converter = Converters.PositiveDurations.class,
            description = "faulthandler.dump_traceback_later: dump all threads after DURATION (5s, 500ms, 0.5s, 2m, 1h; a plain number is seconds).")
    Duration watchdog;

    @Option(names = "--watchdog-repeat", description = "Dump again every DURATION.")
    boolean watchdogRepeat;

    @Option(names = "--watchdog-exit", description = "After the watchdog's dump, end the program with status 1.")
    boolean watchdogExit;

    @Option(names = "--dump-signal", paramLabel = "SIG", converter = Converters.UsableSignals.class,
            completionCandidates = Converters.SignalNames.class,
            description = "Dump all threads when the program gets this signal (default: USR1; also HUP, WINCH, URG, CONT, TTIN, TTOU).")
    String dumpSignal;

    @Option(names = "--no-faulthandler", description = "No dumps on fatal errors (uncaught exceptions, out of memory, stack overflow, crashes) and no default USR1 dump.")
    boolean noFaulthandler;

    @Option(names = "--dump-file", paramLabel = "PATH|-", description = "Also write each dump live as faulthandler text to PATH (- for stderr).")
    String dumpFile;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the program's pid and where the recording went (problems are still reported).")
    boolean quiet;

    @Parameters(paramLabel = "JAVA_ARGS", description = "Arguments for java.")
    List<String> javaArgs = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // First of all: a TERM or Ctrl-C during the checks below then means the program never starts.
        SignalRelay relay = SignalRelay.install(relayedSignals(), err);
        List<String> args = new ArrayList<>(unmatched);
        args.addAll(javaArgs);
        ProgramRun program = ProgramRun.of(args);
        Path out = (output != null ? output : Paths.get(program.outputBaseName() + ".jfr")).toAbsolutePath();
        OutputFiles.checkWritable(out);
        AgentArguments agent = profiling.agentArguments();
        AgentArguments faultOptions = faultOptions();
        Path javaExe = ProgramRun.javaExecutable(java);
        addAllocationOptions(agent);
        agent.addAll(faultOptions);
        if (profiling.calibrate && noProfile) {
            throw new CliException(ExitCodes.USAGE, "--calibrate takes the profiler's cost out of the call profile's times, which --no-profile turns off");
        }
        if (profiling.callTree != null && noProfile) {
            throw new CliException(ExitCodes.USAGE, "--call-tree keeps the call profile's paths, which --no-profile turns off");
        }
        if (!sort.isEmpty() && noProfile) {
            throw new CliException(ExitCodes.USAGE, "-s prints the call profile, which --no-profile turns off");
        }
        profiling.checkTimer(noProfile, allocFrames != null);
        int status = program.record(relay, err, quiet, javaExe, out, agent, !noFaulthandler, !noProfile);
        if (!sort.isEmpty() && Files.exists(out)) {
            ProfileAtExit.print(out, sort, spec.commandLine().getOut(), err, "jfr-trace record");
        }
        return status;
    }

    /** The signals record passes on besides TERM, INT and HUP: the dump and snapshot signals. */
    private List<String> relayedSignals() {
        List<String> names = new ArrayList<>();
        names.add(dumpSignal == null ? DumpSignals.DEFAULT : dumpSignal);
        if (snapshotSignal != null) {
            names.add(snapshotSignal);
        }
        return names;
    }

    private void addAllocationOptions(AgentArguments agent) {
        if (lines) {
            agent.add(AgentKeys.LINES, "true");
        }
        if (noProfile) {
            agent.add(AgentKeys.PROFILE, "false");
        }
        if (allocFrames == null) {
            if (allocExact || allocSample != null || snapshotInterval != null || snapshotSignal != null) {
                throw new CliException(ExitCodes.USAGE, "--alloc-exact, --alloc-sample, --snapshot-interval and --snapshot-signal need --alloc");
            }
            return;
        }
        if (allocFrames < 1 || allocFrames > MAX_NFRAME) { // tracemalloc.start's own limit and words
            throw new CliException(ExitCodes.USAGE, "--alloc=" + allocFrames + ": the number of frames must be in range [1; "
                    + MAX_NFRAME + "]");
        }
        agent.add(AgentKeys.ALLOC, Integer.toString(allocFrames)).add(AgentKeys.ALLOC_EXACT, Boolean.toString(allocExact));
        if (allocSample != null) {
            if (allocSample < 1) {
                throw new CliException(ExitCodes.USAGE, "--alloc-sample must be at least 1 byte, got " + allocSample);
            }
            agent.add(AgentKeys.ALLOC_SAMPLE, Long.toString(allocSample));
        }
        if (snapshotInterval != null) {
            agent.add(AgentKeys.SNAPSHOT_INTERVAL, Long.toString(Math.max(1, snapshotInterval.toMillis())));
        }
        if (snapshotSignal != null) {
            String sig = snapshotSignal;
            String dumps = noFaulthandler ? null : dumpSignal == null ? DumpSignals.DEFAULT : dumpSignal;
            if (sig.equals(dumps)) {
                throw new CliException(ExitCodes.USAGE, "--snapshot-signal: SIG" + sig + " already dumps the threads; "
                        + "pick another signal or move dumps with --dump-signal");
            }
            agent.add(AgentKeys.SNAPSHOT_SIGNAL, sig);
        }
    }

    /** tracemalloc's MAX_NFRAME: a traceback's frame count is a uint16 in CPython. */
    static final int MAX_NFRAME = 65535;

    /** A bare {@code --alloc} means NFRAME 1 and must not swallow the next argument (e.g. {@code -cp}). */
    static final class BareAlloc implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandSpec spec, CommandLine.Model.ArgSpec argSpec,
                java.util.Map<String, Object> info) {
            if (!"=".equals(info.get("separator"))) { // " " when the value was not attached
                argSpec.setValue(1);
                return true;
            }
            return false;
        }
    }

    /** The agent's faulthandler keys; bad values are usage errors. */
    private AgentArguments faultOptions() {
        AgentArguments o = new AgentArguments();
        if (watchdog != null) {
            o.add(AgentKeys.WATCHDOG, Long.toString(TimeUnit.MICROSECONDS.convert(watchdog))); // faulthandler's resolution
            o.add(AgentKeys.WATCHDOG_REPEAT, Boolean.toString(watchdogRepeat))
                    .add(AgentKeys.WATCHDOG_EXIT, Boolean.toString(watchdogExit));
        } else if (watchdogRepeat || watchdogExit) {
            throw new CliException(ExitCodes.USAGE, (watchdogRepeat ? "--watchdog-repeat" : "--watchdog-exit") + " needs --watchdog DURATION");
        }
        if (dumpSignal != null) {
            o.add(AgentKeys.DUMP_SIGNAL, dumpSignal);
        }
        if (noFaulthandler) {
            o.add(AgentKeys.FAULTHANDLER, "false");
        }
        if (dumpFile != null) {
            o.add(AgentKeys.DUMP_FILE, dumpFile.equals("-") ? "-" : Paths.get(dumpFile).toAbsolutePath().toString());
        }
        return o;
    }

}
