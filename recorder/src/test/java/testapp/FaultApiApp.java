package testapp;

import java.time.Duration;

import io.jfrtrace.api.FaultHandler;

/** Uses the FaultHandler API: one dump on request to stdout, then a watchdog that is cancelled. */
public class FaultApiApp {
    static void work() {
        FaultHandler.dumpTraceback(System.out, false);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("recording=" + FaultHandler.isRecording() + " enabled=" + FaultHandler.isEnabled());
        work();
        FaultHandler.dumpTracebackLater(Duration.ofMillis(300), false, System.out, false);
        Thread.sleep(800);
        FaultHandler.dumpTracebackLater(Duration.ofSeconds(30), false, System.out, true);
        FaultHandler.cancelDumpTracebackLater();
        try {
            FaultHandler.register("USR2", System.out, true, false);
        } catch (IllegalArgumentException e) {
            System.out.println("refused USR2");
        }
    }
}
