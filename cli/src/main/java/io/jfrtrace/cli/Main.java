package io.jfrtrace.cli;

import java.io.PrintWriter;

import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.RecordingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jfr-trace} command: one subcommand class per Python tool it reproduces. */
@Command(name = "jfr-trace", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Python's profiling and debugging toolbox for the JVM, on Java Flight Recorder.",
        subcommands = {RecordCommand.class, StatsCommand.class, AllocCommand.class, CompareCommand.class,
                DumpsCommand.class, DumpCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this in-process). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleBadParameters);
        // Everything from the first java argument on belongs to java, verbatim and in order.
        cl.getSubcommands().get("record").setStopAtPositional(true).setStopAtUnmatched(true);
        return cl;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof CliException ce) {
            err.println("jfr-trace " + cl.getCommandName() + ": " + ce.getMessage());
            return ce.exitCode();
        }
        if (e instanceof NoEventsException ne) {
            err.println("jfr-trace " + cl.getCommandName() + ": " + ne.getMessage());
            return ExitCodes.NO_DATA;
        }
        if (e instanceof RecordingException re) {
            err.println("jfr-trace " + cl.getCommandName() + ": " + re.getMessage());
            debug(re, err); // the parser's own exception, if any, for a bug report
            return ExitCodes.BAD_INPUT;
        }
        err.println("jfr-trace " + cl.getCommandName() + ": internal error: " + e);
        debug(e, err);
        return ExitCodes.INTERNAL;
    }

    private static void debug(Exception e, PrintWriter err) {
        if (System.getenv("JFR_TRACE_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    private static int handleBadParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("jfr-trace " + cl.getCommandName() + ": " + e.getMessage()
                + " (see 'jfr-trace help " + cl.getCommandName() + "')");
        return ExitCodes.USAGE;
    }
}
