package com.example.sampled;

import java.lang.management.ManagementFactory;

import jdk.management.jfr.FlightRecorderMXBean;

/**
 * Records {@link Busy} the way JDK Mission Control does: through the JVM's {@code FlightRecorderMXBean} (JMC calls
 * the same operations over JMX), with the predefined {@code profile} configuration, and copies the recording to the
 * file named by the first argument, as JMC's "dump" does.
 */
public final class MxBeanRecorded {
    public static void main(String[] args) throws Exception {
        FlightRecorderMXBean jfr = ManagementFactory.getPlatformMXBean(FlightRecorderMXBean.class);
        long id = jfr.newRecording();
        jfr.setPredefinedConfiguration(id, "profile");
        jfr.startRecording(id);
        Busy.main(new String[0]);
        jfr.stopRecording(id);
        jfr.copyTo(id, args[0]);
        jfr.closeRecording(id);
    }
}
