package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jfr-trace browse} on a real terminal (a pseudo-terminal that util-linux's {@code script} gives it): the line
 * is edited and the history recalled as with CPython's readline, and Ctrl-C ends the browser quietly. Each key is
 * sent once the prompt it answers has been drawn.
 */
class BrowseTerminalIT {
    @TempDir
    Path work;

    @Test
    void historyAndLineEditingWorkOnATerminal() throws Exception {
        Process p = browseOnATerminal();
        Screen screen = new Screen(p.getInputStream());
        try (OutputStream keys = p.getOutputStream()) {
            screen.await("fact.jfr% ", 1);
            type(keys, "sort tim\r");
            screen.await("fact.jfr% ", 2);
            type(keys, "stats 1\r");
            screen.await("fact.jfr% ", 3);
            type(keys, "\u001bOA"); // Up (as an xterm in the keypad mode JLine sets): the last line back, "stats 1"
            type(keys, "\u007f2\r"); // Backspace, 2: "stats 2"
            screen.await("fact.jfr% ", 4);
            type(keys, "\u0003"); // Ctrl-C
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), () -> "the browser did not end on Ctrl-C:\n" + screen.text());
        }
        String text = screen.text();
        assertTrue(text.contains("due to restriction <1>"), text);
        assertTrue(text.contains("due to restriction <2>"), text); // the recalled line, edited
        assertTrue(text.contains("Ordered by: internal time"), text); // "sort tim" as pstats' prefix of time
        assertEquals(0, p.exitValue(), text); // Ctrl-C: quietly, as KeyboardInterrupt in python -m pstats
        assertEquals(false, text.contains("Goodbye."), text);
    }

    /**
     * Ctrl-C's SIGINT and the Ctrl-D typed right after it race: the read may end on the Ctrl-D and the interrupt come
     * after. It is still the user's Ctrl-C (an internal error, exit 70, before the fix).
     */
    @Test
    void ctrlCJustBeforeTheEndOfInputStillEndsQuietly() throws Exception {
        Process p = browseOnATerminal();
        Screen screen = new Screen(p.getInputStream());
        try (OutputStream keys = p.getOutputStream()) {
            screen.await("fact.jfr% ", 1);
            type(keys, "\u0003\u0004");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), () -> "the browser did not end on Ctrl-C:\n" + screen.text());
        }
        String text = screen.text();
        assertEquals(false, text.contains("internal error"), text);
        assertEquals(0, p.exitValue(), text);
    }

    /**
     * The browser on a pseudo-terminal of its own. The shell is replaced by the browser (exec), so Ctrl-C reaches the
     * browser alone and {@code script -e} returns the browser's status: a shell left waiting would take the same
     * SIGINT and, in some CI environments, die of it before reporting anything.
     */
    private Process browseOnATerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "no util-linux script here");
        Files.copy(BrowseIT.RECORDINGS.resolve("Factorial.jfr"), work.resolve("fact.jfr"));
        // script's terminal has no size when its own input is not one: a user's has
        String command = "stty cols 100 rows 40; exec " + JfrTraceRun.javaOf(System.getProperty("java.home"))
                + " -jar " + JfrTraceRun.JAR + " browse fact.jfr";
        return new ProcessBuilder(script.toString(), "-qfec", command, "/dev/null").directory(work.toFile())
                .redirectErrorStream(true).start();
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** What the terminal showed so far, read on a thread of its own. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (seen) {
                            seen.write(buffer, 0, n);
                            seen.notifyAll();
                        }
                    }
                } catch (java.io.IOException ended) {
                    // the terminal closed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until {@code what} has appeared {@code times} times (60 s at most). */
        void await(String what, int times) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (seen) {
                while (count(seen.toString(StandardCharsets.UTF_8), what) < times) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no '" + what + "' (x" + times + ") on the terminal:\n" + text());
                    }
                    seen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        private static int count(String text, String what) {
            int n = 0;
            for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
                n++;
            }
            return n;
        }
    }
}
