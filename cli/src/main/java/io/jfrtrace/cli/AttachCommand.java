package io.jfrtrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jfrtrace.cli.attach.AgentLoader;
import io.jfrtrace.cli.attach.AttachReply;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.cli.record.AgentJar;
import io.jfrtrace.cli.record.RunFolder;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jfr-trace attach PID}: the call profile of a JVM that is already running, for a while. Loads the agent through
 * the Attach API; the agent weaves the loaded classes by retransformation, and {@code --stop} (or the end of
 * {@code --duration}) gives them their own bytecode back and ends the recording.
 */
@Command(name = "attach",
        footer = {"", "Examples:",
                "  jfr-trace attach --duration 10s -o service.jfr 12345",
                "  jfr-trace attach --include 'com.example.*' 12345",
                "  jfr-trace attach --stop 12345"}, mixinStandardHelpOptions = true,
        description = {"Profile a running JVM (same user) for a while, as cProfile's enable() and disable() do: its "
                + "loaded classes are instrumented now and given their own bytecode back at the end, and the JVM "
                + "keeps running."})
final class AttachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "process id of a running JVM")
    long pid;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Recording to write (default: jfr-trace-PID.jfr).")
    Path output;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.PositiveDurations.class,
            description = "Record for DURATION (5s, 500ms, 2m, ...), then end the recording; without it, the recording "
                    + "runs until attach --stop PID.")
    Duration duration;

    @Option(names = "--stop", description = "End the recording an earlier attach started in this JVM.")
    boolean stop;

    @Mixin
    ProfilingOptions profiling;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (stop && (duration != null || output != null)) {
            throw new CliException(ExitCodes.USAGE, "--stop ends a recording: it takes neither --duration nor -o");
        }
        Path out = stop ? null : (output != null ? output : Paths.get("jfr-trace-" + pid + ".jfr")).toAbsolutePath();
        if (!stop) {
            OutputFiles.checkWritable(out);
            profiling.agentArguments(); // a bad --jfr-settings before anything is attached
        }
        checkTarget();
        RunFolder folder = RunFolder.create();
        try {
            AgentLoader agent = new AgentLoader(AgentJar.locate().agent(), folder.dir());
            if (stop) {
                stopped(err, ask(agent, new AgentArguments().add(AgentKeys.STOP, "true")));
                return ExitCodes.OK;
            }
            AttachReply started = ask(agent, startOptions(out));
            err.println("jfr-trace attach: recording process " + pid + " (" + classes(started.classes()) + " instrumented) to "
                    + started.output() + (duration == null ? "; end it with: jfr-trace attach --stop " + pid : " for " + duration.toMillis() / 1000.0 + " s"));
            err.flush();
            if (duration == null) {
                return ExitCodes.OK;
            }
            // Ctrl-C or TERM while waiting still gives the program its bytecode back and ends the recording
            Thread ender = new Thread(() -> stopQuietly(agent, err));
            Runtime.getRuntime().addShutdownHook(ender);
            boolean ended = endsWithin(duration);
            Runtime.getRuntime().removeShutdownHook(ender);
            if (ended) { // JFR's shutdown hook in the program wrote the recording, its open calls closed
                err.println("jfr-trace attach: process " + pid + " ended during the recording; its JVM wrote "
                        + started.output());
                return ExitCodes.OK;
            }
            stopped(err, ask(agent, new AgentArguments().add(AgentKeys.STOP, "true")));
            return ExitCodes.OK;
        } finally {
            folder.delete();
        }
    }

    private AgentArguments startOptions(Path out) {
        return new AgentArguments().add(AgentKeys.OUTPUT, out.toString()).addAll(profiling.agentArguments())
                // the program's stderr is not ours, and its signal and error handling stay its own
                .add(AgentKeys.QUIET, "true").add(AgentKeys.FAULTHANDLER, "false");
    }

    private AttachReply ask(AgentLoader agent, AgentArguments options) throws IOException {
        AttachReply r = agent.send(pid, options);
        if (!r.ok()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + ": " + r.message());
        }
        return r;
    }

    private void stopped(PrintWriter err, AttachReply r) {
        err.println("jfr-trace attach: " + classes(r.classes()) + " of process " + pid + " restored; wrote " + r.output());
        err.flush();
    }

    /** Waits for the duration, or less if the program ends first; true if it ended. */
    private boolean endsWithin(Duration d) throws InterruptedException {
        Optional<ProcessHandle> target = ProcessHandle.of(pid);
        if (target.isEmpty()) {
            return true;
        }
        try {
            target.get().onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !target.get().isAlive();
        }
    }

    private static String classes(int n) {
        return n == 1 ? "1 class" : n + " classes";
    }

    private void stopQuietly(AgentLoader agent, PrintWriter err) {
        try {
            stopped(err, ask(agent, new AgentArguments().add(AgentKeys.STOP, "true")));
        } catch (IOException | RuntimeException e) {
            err.println("jfr-trace attach: could not end the recording in process " + pid + ": " + e.getMessage());
            err.flush();
        }
    }

    /** The checks of {@code dump PID}: a live process, not this one, and one that will not die of the attach's SIGQUIT. */
    private void checkTarget() {
        Optional<ProcessHandle> target = ProcessHandle.of(pid);
        if (target.isEmpty() || !target.get().isAlive()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "no process " + pid);
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + " is jfr-trace itself");
        }
        DumpCommand.checkLooksLikeAJvm(pid);
    }
}
