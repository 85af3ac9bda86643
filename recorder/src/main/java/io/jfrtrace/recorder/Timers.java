package io.jfrtrace.recorder;

import io.jfrtrace.runtime.Clock;
import io.jfrtrace.runtime.ThreadCpuClock;
import io.jfrtrace.schema.TimerMode;
import jdk.jfr.Recording;

/**
 * Sets up what {@code --timer} asks for before the first class is woven, and says what the recording's times will
 * measure: the profiler's clock is fixed once per JVM (a static final the JIT folds), so a JVM whose clock an earlier
 * attach fixed keeps it, and the recording says so.
 */
final class Timers {
    /**
     * How often {@code --timer count} has the JVM sample the threads' stacks, the times' only source; in the words of
     * JFR's settings, which the recording's jdk.ActiveSetting repeats and stats' header shows.
     */
    static final String COUNT_SAMPLE_PERIOD = "10 ms";

    private Timers() {
    }

    /** Prepares {@code requested} in the recording about to start; returns the mode the profile's times will have. */
    static TimerMode start(TimerMode requested, Recording r) {
        if (requested == TimerMode.COUNT) {
            // whatever the settings say (none included): the estimated times come from these samples
            r.enable("jdk.ExecutionSample").with("period", COUNT_SAMPLE_PERIOD);
            r.enable("jdk.ActiveSetting"); // the period, for the reader (not in --jfr-settings none)
            return TimerMode.COUNT;
        }
        if (requested == TimerMode.CPU) {
            ThreadCpuClock.select();
        }
        Clock.now(); // fixes the clock and starts its calibration window now, not at the first call
        TimerMode timed = Clock.isThreadCpuTime() ? TimerMode.CPU : TimerMode.WALL;
        if (timed != requested) {
            String why = requested == TimerMode.CPU && !ThreadCpuClock.available()
                    ? "this JVM cannot measure thread CPU time" : "an earlier attach fixed this JVM's profiler clock";
            System.err.println("jfr-trace agent: timer=" + requested.word() + " refused (" + why + "): the times are "
                    + timed.word() + " time");
        }
        return timed;
    }
}
