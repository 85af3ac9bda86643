package testapp;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/** Test program for the agent: prints the jfrtrace.* event types registered when main starts. */
public class EventTypesApp {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder("TYPES");
        for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
            if (t.getName().startsWith("jfrtrace.")) {
                sb.append(' ').append(t.getName());
            }
        }
        System.out.println(sb);
    }
}
