package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.TimerMode;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;

/**
 * Spawns the program's JVM under the agent and watches it to its end: signals sent to record go on to it
 * ({@link SignalRelay}), and once it ends, or record itself is being shut down, {@link Finisher} completes the
 * output exactly once. The result is record's exit status.
 */
public final class Supervisor {
    private final SignalRelay relay;
    private final PrintWriter err;
    private final boolean quiet;

    public Supervisor(SignalRelay relay, PrintWriter err, boolean quiet) {
        this.relay = relay;
        this.err = err;
        this.quiet = quiet;
    }

    public int run(Launch launch, Path out, Path workDir) throws InterruptedException {
        NativeFaultAgent nativeAgent = launch.nativeFaultHandler() ? NativeFaultAgent.locate(launch.java()) : null;
        ProcessBuilder pb = new ProcessBuilder(command(launch, nativeAgent)).inheritIO();
        if (nativeAgent != null) {
            pb.environment().put("LD_PRELOAD", nativeAgent.ldPreload(pb.environment().get("LD_PRELOAD")));
        }
        Process child;
        try {
            child = relay.start(pb);
        } catch (IOException e) {
            launch.run().delete();
            throw new CliException(ExitCodes.CANNOT_LAUNCH, "cannot run " + launch.java() + ": " + e.getMessage());
        }
        if (child == null) {
            launch.run().delete();
            String sig = relay.stoppedBy();
            err.println("jfr-trace: stopped by SIG" + sig + " before the program started; nothing was recorded");
            err.flush();
            return 128 + Signals.number(sig);
        }
        if (!quiet) {
            err.println("jfr-trace: started the program's JVM as pid " + child.pid() + ", recording to " + out);
            err.flush();
        }
        Finisher finisher = new Finisher(child, out, launch.run(), workDir, quiet, err);
        Thread hook = new Thread(finisher::onOwnTermination, "jfr-trace-record-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = finisher.finish(child.waitFor());
        Runtime.getRuntime().removeShutdownHook(hook);
        return status;
    }

    /**
     * JFR's stack depth with {@code --timer count} (its default is 64): the times come from execution samples, and a
     * stack cut short loses its outermost frames, whose cumtime would come out short.
     */
    static final int COUNT_STACK_DEPTH = 512;

    private static boolean countsOnly(AgentArguments agent) {
        // the added pair as it is written: a record's equals would bootstrap its method handles, 8 ms of record's start-up
        return agent.has(AgentKeys.TIMER, TimerMode.COUNT.word());
    }

    /** java, record's own JVM options, the agent, then the user's arguments (whose own options come later and win). */
    static List<String> command(Launch launch, NativeFaultAgent nativeAgent) {
        RunFolder run = launch.run();
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(ChildArchive.options(launch.java())); // JFR's classes mapped in, on the JDK that built the jar
        // one option: a second -XX:FlightRecorderOptions replaces the first whole
        command.add("-XX:FlightRecorderOptions:repository=" + run.repository()
                + (countsOnly(launch.agent()) ? ",stackdepth=" + COUNT_STACK_DEPTH : ""));
        command.add(CrashFiles.errorFileOption(run.dir())); // hs_err in the private folder, not the working directory
        // JFR's own messages (a failed write of the recording) go to stderr, not into the program's stdout;
        // the program's own -Xlog options come later and win.
        command.add("-Xlog:jfr*=off");
        command.add("-Xlog:jfr*=warning:stderr");
        if (nativeAgent != null) {
            command.add(nativeAgent.agentArgument(run.crashFile()));
        }
        Path clock = launch.nativeClock() ? NativeLibrary.find("libjfrtrace_clock") : null;
        if (clock != null) {
            command.add("-agentpath:" + clock); // the profiler's TSC clock (io.jfrtrace.runtime.Clock)
        }
        command.add("-Xbootclasspath/a:" + launch.jars().runtime());
        command.add("-javaagent:" + launch.jars().agent() + "=" + launch.agent());
        command.addAll(launch.javaArgs());
        return command;
    }
}
