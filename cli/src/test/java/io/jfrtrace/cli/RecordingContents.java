package io.jfrtrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import io.jfrtrace.cli.exit.ExitCodes;

/**
 * What a well-formed recording holds of what each analyzer command needs, read with the JDK's own parser (not the
 * one jfr-trace uses): the oracle for "valid but holds nothing the command needs" (exit 4) against exit 0.
 */
record RecordingContents(Set<String> eventTypes, boolean crashShutdown) {
    static RecordingContents of(Path file) throws IOException {
        Set<String> types = new HashSet<>();
        boolean crash = false;
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                String type = e.getEventType().getName();
                types.add(type);
                if (type.equals("jdk.Shutdown") && String.valueOf(e.getString("reason")).startsWith("VM Error")) {
                    crash = true;
                }
            }
        }
        return new RecordingContents(Set.copyOf(types), crash);
    }

    /** The exit code the command documents for this recording: 0 when it holds the command's data, else 4. */
    int exitCodeOf(String command) {
        boolean has = switch (command) {
            // stats FILE: the call profile, else (no --profile) the JVM's CPU samples
            case "stats" -> eventTypes.contains("jfrtrace.FunctionStats") || eventTypes.contains("jfrtrace.CallerStats")
                    || eventTypes.contains("jdk.ExecutionSample");
            case "alloc" -> eventTypes.contains("jfrtrace.AllocationSnapshot")
                    || eventTypes.contains("jdk.ObjectAllocationSample") || eventTypes.contains("jdk.OldObjectSample");
            // compare FILE FILE: the snapshots when the file holds some, else the call profile as stats reads it
            case "compare" -> eventTypes.contains("jfrtrace.AllocationSnapshot") || exitCodeOf("stats") == ExitCodes.OK;
            case "dumps" -> eventTypes.contains("jfrtrace.ThreadDump") || eventTypes.contains("jdk.ThreadDump") || crashShutdown;
            default -> throw new IllegalArgumentException(command);
        };
        return has ? ExitCodes.OK : ExitCodes.NO_DATA;
    }
}
