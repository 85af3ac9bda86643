package io.jfrtrace.api.internal.timeit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Waits for jfr-trace to finish compiling the snippet: it starts this JVM first, so that the JVM's and the flight
 * recorder's start-up overlap javac's work, and creates the ready file once the class files are in place. If
 * jfr-trace is gone (killed while compiling), this JVM ends instead of waiting for ever.
 */
final class ClassesReady {
    private ClassesReady() {
    }

    static void await(Path ready) throws InterruptedException {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        while (!Files.exists(ready)) {
            if (parent.isPresent() && !parent.get().isAlive()) {
                System.exit(125);
            }
            Thread.sleep(2);
        }
    }
}
