package io.jfrtrace.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs {@link Main#run} in this JVM with System.out/err captured: what the jar would print and exit with, without
 * a JVM per run. A throwable escaping {@code run} is printed as the JVM prints an uncaught one (stack trace, exit 1),
 * and anything logged through java.util.logging counts as stderr, as the JVM's console handler would print it.
 * Not for concurrent use (it swaps the process-wide streams).
 */
record InProcessRun(int exitCode, String stdout, String stderr) {
    static synchronized InProcessRun run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Handler logged = new Handler() {
            @Override
            public void publish(LogRecord record) {
                errStream.println(record.getLevel() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(logged);
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(errStream);
            try {
                code = Main.run(args);
            } catch (Throwable uncaught) {
                uncaught.printStackTrace(errStream);
                code = 1;
            }
            System.out.flush();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            root.removeHandler(logged);
        }
        return new InProcessRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
