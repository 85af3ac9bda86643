package io.jfrtrace.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.faulthandler.ThreadPrintParser;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;
import io.jfrtrace.cli.record.Signals;
import io.jfrtrace.cli.convert.Converters;
import io.jfrtrace.cli.exit.CliException;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.OutputOptions;
import io.jfrtrace.cli.output.ReportPrinter;
import io.jfrtrace.cli.report.ThreadDumpsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jfr-trace dump PID}: every thread of a running JVM, now, as {@code faulthandler.dump_traceback(all_threads=True)}
 * prints them. Runs {@code jcmd PID Thread.print} (HotSpot's attach mechanism; the JVM keeps running) and reads
 * its text.
 */
@Command(name = "dump",
        footer = {"", "Examples:",
                "  jfr-trace dump 12345",
                "  jfr-trace dump --limits none -o threads.txt 12345"}, mixinStandardHelpOptions = true,
        description = {"Print all threads of a running JVM (same user) now, as Python's "
                + "faulthandler.dump_traceback(all_threads=True) does. The JVM keeps running."})
final class DumpCommand implements Callable<Integer> {
    /** How long to wait for jcmd (attaching to a busy JVM can take a few seconds). */
    static final long TIMEOUT_SECONDS = 60;

    @Parameters(index = "0", paramLabel = "PID", description = "process id of a running JVM")
    long pid;

    @Option(names = "--limits", paramLabel = "python|none", defaultValue = "python", converter = Converters.Limits.class,
            description = "python (default): faulthandler's cuts; none: print everything.")
    DumpPrinter.Limits limits;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ReportPrinter<ThreadDumpsReport> printer = output.printer(ThreadDumpsReport.class, List.of());
        Optional<ProcessHandle> target = ProcessHandle.of(pid);
        if (target.isEmpty() || !target.get().isAlive()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "no process " + pid);
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + " is jfr-trace itself");
        }
        checkLooksLikeAJvm(pid);
        String text = jcmd(pid);
        List<ThreadStack> threads = ThreadPrintParser.parse(text);
        if (threads.isEmpty()) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + ": the JVM reported no Java threads");
        }
        ThreadDump dump = new ThreadDump(1, Instant.now(), Reason.REQUEST, "", 0, -1, threads);
        printer.print(new ThreadDumpsReport(List.of(dump), limits));
        return ExitCodes.OK;
    }

    /**
     * HotSpot's attach starts with a SIGQUIT, which would kill a process that is not a JVM: refuse unless the JVM's
     * attach socket exists or the process catches SIGQUIT (Linux /proc; elsewhere jcmd decides).
     */
    static void checkLooksLikeAJvm(long pid) {
        Path proc = Paths.get("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) {
            return;
        }
        if (Files.exists(proc.resolve("root/tmp/.java_pid" + pid)) || Files.exists(Paths.get("/tmp/.java_pid" + pid))) {
            return;
        }
        // an unreadable status (another user's process) tells nothing: then jcmd says why it cannot attach
        if (Boolean.FALSE.equals(Signals.catches(proc.resolve("status"), Signals.number("QUIT")))) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid
                    + " is not a JVM that can be attached to (it does not handle SIGQUIT)");
        }
    }

    static Path jcmdTool() {
        Path home = Paths.get(System.getProperty("java.home"));
        for (Path p : List.of(home.resolve("bin/jcmd"), home.resolve("../bin/jcmd"))) {
            if (Files.isExecutable(p)) {
                return p.normalize();
            }
        }
        String env = System.getenv("JAVA_HOME");
        if (env != null && Files.isExecutable(Paths.get(env, "bin", "jcmd"))) {
            return Paths.get(env, "bin", "jcmd");
        }
        throw new CliException(ExitCodes.NOT_ATTACHABLE, "no jcmd next to " + home + " (run jfr-trace with a JDK, not a JRE)");
    }

    static String jcmd(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmdTool().toString(), Long.toString(pid), "Thread.print")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), buf));
        reader.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "process " + pid + " did not answer within "
                    + TIMEOUT_SECONDS + " s");
        }
        reader.join();
        String text = buf.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !text.contains("Full thread dump")) {
            throw new CliException(ExitCodes.NOT_ATTACHABLE, "cannot attach to process " + pid + ": " + reason(text));
        }
        return text;
    }

    /** jcmd's complaint in one line: the last exception message it printed. */
    static String reason(String jcmdOutput) {
        String best = null;
        for (String line : jcmdOutput.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("at ") || l.matches("\\d+:")) {
                continue;
            }
            if (best == null || l.contains("Exception")) {
                best = l;
            }
            if (l.contains("Exception")) {
                break;
            }
        }
        if (best == null) {
            return "jcmd gave no reason";
        }
        int colon = best.indexOf("Exception: ");
        return colon >= 0 ? best.substring(colon + "Exception: ".length()) : best;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
