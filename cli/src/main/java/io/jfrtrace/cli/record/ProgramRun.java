package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.schema.agent.AgentArguments;
import io.jfrtrace.schema.agent.AgentKeys;

/**
 * A program to run under the agent, as the commands that record ({@code record}, the one-step {@code trace}) start it:
 * its java arguments checked before anything runs, then launched and supervised to its end by {@link Supervisor}
 * (signals passed on, the recording completed or recovered). The result is the program's status, as README's "How a
 * run ends" describes it.
 */
public final class ProgramRun {
    private final List<String> javaArgs;
    private final JavaCommandLine target;
    private final Path workDir;

    private ProgramRun(List<String> javaArgs, JavaCommandLine target, Path workDir) {
        this.javaArgs = List.copyOf(javaArgs);
        this.target = target;
        this.workDir = workDir;
    }

    /** The program {@code javaArgs} name; a usage error if they name none or its main class or jar is not there. */
    public static ProgramRun of(List<String> args) {
        List<String> javaArgs = JavaCommandLine.withJarShortcut(args);
        JavaCommandLine target = JavaCommandLine.parse(javaArgs);
        if (target == null) {
            throw new CliException(ExitCodes.USAGE, "no program to run: give a main class, -jar FILE or -m MODULE after the options");
        }
        Path workDir = Paths.get("").toAbsolutePath();
        String problem = MainClassCheck.problem(target, System.getenv("CLASSPATH"), workDir);
        if (problem != null) {
            throw new CliException(ExitCodes.USAGE, problem);
        }
        return new ProgramRun(javaArgs, target, workDir);
    }

    /** The main class's or jar's name: the default recording is {@code NAME.jfr}. */
    public String outputBaseName() {
        return target.outputBaseName();
    }

    /** The java to run: {@code java}, or the one running jfr-trace; exit 125 when it is not an executable file. */
    public static Path javaExecutable(Path java) {
        Path javaExe = java != null ? java : Paths.get(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(javaExe)) {
            throw new CliException(ExitCodes.CANNOT_LAUNCH, "cannot run java: " + javaExe + " is not an executable file");
        }
        return javaExe;
    }

    /**
     * Runs the program under the agent with {@code options} (besides the output and run keys, which this adds),
     * recording to {@code out} (an old file there is removed first), and returns its status.
     *
     * @param relay the relay installed before any check, so that a signal during them means the program never starts
     */
    public int record(SignalRelay relay, PrintWriter err, boolean quiet, Path javaExe, Path out, AgentArguments options,
            boolean nativeFaultHandler, boolean profile) throws IOException, InterruptedException {
        RunFolder run = RunFolder.create();
        AgentArguments agent = new AgentArguments().add(AgentKeys.OUTPUT, out.toString()).addAll(options)
                .add(AgentKeys.QUIET, "true")
                .add(AgentKeys.STARTED, run.startedMarker().toString())
                .add(AgentKeys.PARENT, Long.toString(ProcessHandle.current().pid()));
        AgentJar jars = AgentJar.locate(); // an unsafe cache folder is refused before anything is touched
        Files.deleteIfExists(out); // a stale file must never pass for this run's recording
        Launch launch = new Launch(javaExe, run, jars, agent, nativeFaultHandler, profile, javaArgs);
        return new Supervisor(relay, err, quiet).run(launch, out, workDir);
    }
}
