package com.example.lines;

import java.time.Duration;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * For LineCheckpointIT: ROUNDS rounds of 1000 runs of one line, each round ending its recording chunk (a short
 * recording started and stopped beside jfr-trace's rotates the chunk), while jfr-trace's recording keeps only the
 * chunks of the last MAX_AGE_MILLIS (JFR's maxage). With a third argument it then prints "ready" and ticks until it
 * is killed. Usage: LongLines ROUNDS MAX_AGE_MILLIS [wait]
 */
public final class LongLines {
    static long sink;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        long maxAgeMillis = Long.parseLong(args[1]);
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if ("jfr-trace".equals(r.getName())) {
                r.setMaxAge(Duration.ofMillis(maxAgeMillis));
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 1000; i++) {
                sink += i; // request
            }
            Thread.sleep(100);
            try (Recording rotate = new Recording()) {
                rotate.start();
                rotate.stop();
            }
        }
        System.out.println("served " + rounds * 1000);
        if (args.length > 2) {
            System.out.println("ready");
            while (true) {
                tick();
                Thread.sleep(20);
            }
        }
    }

    static void tick() {
        sink++; // tick
    }

    static void never() {
        sink--; // never
    }
}
