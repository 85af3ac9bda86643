package io.jfrtrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * Runs jfr-trace's command line in this JVM as picocli means it to be tested: {@link Main#commandLine()} with its
 * standard output and error replaced by StringWriters (every report and message goes through getOut()/getErr()).
 * Nothing process-wide is swapped, so runs may overlap.
 */
record CommandLineRun(int exitCode, String stdout, String stderr) {
    static CommandLineRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
