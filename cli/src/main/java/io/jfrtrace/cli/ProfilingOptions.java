package io.jfrtrace.cli;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.TimerMode;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the agent profiles and which stock events it records, as {@code record} and {@code attach} take it: a picocli
 * mixin, one declaration of the options and one rule for the settings.
 */
final class ProfilingOptions {
    private static final List<String> NAMED_SETTINGS = List.of("default", "profile", "none");

    @Option(names = "--include", paramLabel = "GLOB", description = "Profile only classes whose name matches (repeatable; * matches any characters).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Do not profile classes whose name matches (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--builtins", description = "Also profile calls into uninstrumented (JDK) methods, as {method 'x' of 'T' objects}.")
    boolean builtins;

    @Option(names = "--calibrate", description = "Measure the profiler's own cost per call when the program starts (as profile.Profile.calibrate does) and take it out of the times: a call's tottime loses it for each call it made, its cumtime for each call made within it. The bias is in the recording (jfrtrace.RecordingInfo).")
    boolean calibrate;

    /** {@code --call-tree} without a number: call paths per thread at most. */
    static final int DEFAULT_CALL_TREE = 100_000;

    @Option(names = "--call-tree", arity = "0..1", paramLabel = "N", preprocessor = BareCallTree.class,
            converter = PathCount.class,
            description = "Also keep a calling-context tree per thread: exact calls, self and total time per call path, "
                    + "which stats --format collapsed|html draw as an exact flame graph. At most N call paths per thread "
                    + "(default " + DEFAULT_CALL_TREE + "; give N attached: --call-tree=5000); a call whose path would "
                    + "need more is counted in the \"(truncated)\" child of the deepest path it has.")
    Integer callTree;

    @Option(names = "--jfr-settings", paramLabel = "NAME|FILE", description = "JFR settings for the stock events: default, profile, none (jfr-trace's events only), or a .jfc file (default: default). With record --alloc, default and profile leave out the JVM's own allocation samplers (jdk.ObjectAllocationSample, jdk.OldObjectSample); a .jfc file keeps what it says.")
    String jfrSettings = "default";

    @Option(names = "--timer", paramLabel = "wall|cpu|count", converter = Converters.Timers.class,
            completionCandidates = Converters.TimerWords.class,
            description = {"What the call profile's times measure (default: wall). wall: wall-clock time, two clock reads per "
                    + "call, as cProfile. cpu: each thread's CPU time, as cProfile with time.thread_time (a thread that "
                    + "sleeps or waits gains none); a system call per read: about 1.3 microseconds per call on the development "
                    + "VM, against wall's 40 ns (README, Speed). count: exact call counts (ncalls, primitive calls, "
                    + "callers and callees) and no clock at all, 10 to 18 ns per call there; tottime and cumtime are "
                    + "estimated from the JVM's execution "
                    + "samples (jdk.ExecutionSample, turned on every 10 ms whatever --jfr-settings says) and stats says so "
                    + "under its totals line. count does not combine with --builtins or --alloc."})
    TimerMode timer = TimerMode.WALL;

    /** record's combinations: a timer needs the call profile, and count leaves allocation tracing out. */
    void checkTimer(boolean noProfile, boolean alloc) {
        if (timer != TimerMode.WALL && noProfile) {
            throw new CliException(ExitCodes.USAGE, "--timer " + timer.word() + " times the call profile, which --no-profile turns off");
        }
        if (timer == TimerMode.COUNT && alloc) {
            throw new CliException(ExitCodes.USAGE, "--timer count does not combine with --alloc (its tracebacks come from the timed profiler's stack)");
        }
    }

    /** The agent's keys for these options; a settings value that is neither a name nor a file is a usage error. */
    AgentArguments agentArguments() {
        if (!NAMED_SETTINGS.contains(jfrSettings) && !Files.isRegularFile(Paths.get(jfrSettings))) {
            throw new CliException(ExitCodes.USAGE, "--jfr-settings: '" + jfrSettings + "' is neither default, profile, none nor a .jfc file");
        }
        // a file by its absolute path: an attached program's working folder is not ours
        String settings = NAMED_SETTINGS.contains(jfrSettings) ? jfrSettings : Paths.get(jfrSettings).toAbsolutePath().toString();
        if (timer == TimerMode.COUNT && builtins) {
            throw new CliException(ExitCodes.USAGE, "--timer count counts calls without built-in entries; leave out --builtins");
        }
        AgentArguments agent = new AgentArguments().addAll(AgentKeys.INCLUDE, includes).addAll(AgentKeys.EXCLUDE, excludes)
                .add(AgentKeys.BUILTINS, Boolean.toString(builtins)).add(AgentKeys.SETTINGS, settings);
        if (timer != TimerMode.WALL) { // the default's option string stays as it was
            agent.add(AgentKeys.TIMER, timer.word());
        }
        if (calibrate) {
            if (timer == TimerMode.COUNT) {
                throw new CliException(ExitCodes.USAGE, "--calibrate takes the profiler's cost out of the times, which --timer count does not measure");
            }
            agent.add(AgentKeys.CALIBRATE, "true");
        }
        if (callTree != null) {
            if (timer == TimerMode.COUNT || calibrate) {
                throw new CliException(ExitCodes.USAGE, "--call-tree times its paths with the wall or CPU clock as they are: "
                        + "leave out " + (calibrate ? "--calibrate" : "--timer count"));
            }
            agent.add(AgentKeys.CALL_TREE, Integer.toString(callTree));
        }
        return agent;
    }

    /** {@code --call-tree=N}: a number of call paths, at least 1. */
    static final class PathCount implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number of call paths");
            }
            if (n < 1) {
                throw new IllegalArgumentException("the number of call paths must be at least 1, got '" + value + "'");
            }
            return n;
        }
    }

    /** A bare {@code --call-tree} means the default bound and must not swallow the next argument (e.g. {@code -cp}). */
    static final class BareCallTree implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandSpec spec, CommandLine.Model.ArgSpec argSpec,
                java.util.Map<String, Object> info) {
            if (!"=".equals(info.get("separator"))) { // " " when the value was not attached
                argSpec.setValue(DEFAULT_CALL_TREE);
                return true;
            }
            return false;
        }
    }
}
