package io.jfrtrace.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jfrtrace.analyzer.jfr.NoEventsException;
import io.jfrtrace.analyzer.jfr.RecordingException;
import io.jfrtrace.privatefiles.UnsafeFolderException;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputFiles;
import io.jfrtrace.cli.record.AgentJar;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jfr-trace} command: one subcommand class per Python tool it reproduces. */
@Command(name = "jfr-trace", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Python's profiling and debugging toolbox for the JVM, on Java Flight Recorder.",
        footer = {"", "Examples:",
                "  jfr-trace record -s cumulative -- -cp app.jar com.example.Main",
                "  jfr-trace stats -s tottime run.jfr",
                "  jfr-trace help record"})
public final class Main {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RecordCommand.class, StatsCommand.class, BrowseCommand.class,
            AllocCommand.class, CompareCommand.class, DumpsCommand.class, DumpCommand.class, AttachCommand.class,
            TraceCommand.class,
            TimeitCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this in-process). */
    public static int run(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // picocli's answer, without picocli: its model of even this command alone costs more than the JVM's start
            System.out.println(Version.text());
            System.out.flush();
            return ExitCodes.OK;
        }
        if (HelpPages.print(args, System.out)) { // the page picocli printed when the jar was built
            return ExitCodes.OK;
        }
        if (args.length > 0 && args[0].equals("record")) {
            // beside picocli's parsing: the program's JVM starts that much sooner
            AgentJar.prefetch(OutputFiles::warmTempNames);
        }
        CommandLine cl = commandLine(args);
        return cl.execute(args);
    }

    static CommandLine commandLine(String... args) {
        // picocli's documented switch: its default factory otherwise looks for Groovy's Closure class, a miss that
        // makes the class loader open the jar, which the start-up archive otherwise spares every command
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cl = new CommandLine(new Main());
        // Reports are UTF-8 whatever the platform's charset (Python's own text is); getOut() is where they go.
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true));
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleBadParameters);
        for (Class<?> command : needed(args)) {
            cl.addSubcommand(command);
        }
        CommandLine record = cl.getSubcommands().get("record");
        if (record != null) { // everything from the first java argument on belongs to java, verbatim and in order
            record.setStopAtPositional(true).setStopAtUnmatched(true);
        }
        return cl;
    }

    /**
     * The subcommands this command line can reach: picocli builds a subcommand's model by reflection over its
     * class, most of the start-up time, so {@code jfr-trace stats ...} builds only {@code stats}'; the help, the
     * help command and usage errors (which list them) get them all.
     */
    static List<Class<?>> needed(String... args) {
        for (Class<?> command : SUBCOMMANDS) {
            if (args.length > 0 && command != CommandLine.HelpCommand.class
                    && command.getAnnotation(Command.class).name().equals(args[0])) {
                return List.of(command);
            }
        }
        return SUBCOMMANDS;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String name = qualifiedName(cl);
        if (e instanceof CliException ce) {
            // a usage error found after parsing (a combination, a missing program) ends as picocli's own do: with the
            // help command that explains the options
            err.println(name + ": " + ce.getMessage() + (ce.exitCode() == ExitCodes.USAGE ? hint(cl) : ""));
            return ce.exitCode();
        }
        if (e instanceof NoEventsException ne) {
            err.println(name + ": " + ne.getMessage());
            return ExitCodes.NO_DATA;
        }
        if (e instanceof UnsafeFolderException ue) { // record's cache folder: another user could plant code in it
            err.println("jfr-trace " + cl.getCommandName() + ": " + ue.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        if (e instanceof RecordingException re) {
            err.println(name + ": " + re.getMessage());
            debug(re, err); // the parser's own exception, if any, for a bug report
            return ExitCodes.BAD_INPUT;
        }
        err.println(name + ": internal error: " + e);
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
        boolean top = cl.getParent() == null;
        String problem = e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                : e.getMessage();
        List<String> unmatched = cl.getUnmatchedArguments();
        if (e.getCause() != null && !(e.getCause() instanceof CommandLine.PicocliException)) {
            // A value the model's own parser refused (through a converter or an option's setter): its words,
            // after the option's name when picocli knows it.
            problem = (e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() + ": " : "")
                    + e.getCause().getMessage();
        } else if (top && e instanceof CommandLine.UnmatchedArgumentException && !unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-")) {
            problem = "unknown command '" + unmatched.get(0) + "'; the commands are "
                    + String.join(", ", cl.getSubcommands().keySet());
        } else if (!(e instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()
                && unmatched.get(0).startsWith("-")) {
            // picocli reports the missing FILE, not the unknown option that took its place
            problem = "Unknown option: '" + unmatched.get(0) + "'";
        }
        cl.getErr().println(qualifiedName(cl) + ": " + problem + hint(cl));
        return ExitCodes.USAGE;
    }

    /** {@code " (see 'jfr-trace help stats')"}: the help command for {@code cl}'s command. */
    private static String hint(CommandLine cl) {
        // 'jfr-trace help' for the top command: 'jfr-trace help jfr-trace' names no subcommand
        return cl.getParent() == null ? " (see 'jfr-trace help')" : " (see 'jfr-trace help " + cl.getCommandName() + "')";
    }

    /** {@code jfr-trace} or {@code jfr-trace stats}: the command as the user typed it, each name once. */
    private static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }
}
