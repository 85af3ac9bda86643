package com.example.service;

import java.time.Duration;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * A long-running service, an hour compressed: MINUTES rounds of 1000 requests (every tenth one audited), each round
 * ending its recording chunk as a chunk size limit would (a short recording started and stopped beside jfr-trace's
 * rotates the chunk), while jfr-trace's recording keeps only the chunks of the last MAX_AGE_MILLIS (JFR's maxage).
 * Usage: LongService MINUTES MAX_AGE_MILLIS
 */
public final class LongService {
    static long sink;

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        long maxAgeMillis = Long.parseLong(args[1]);
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if ("jfr-trace".equals(r.getName())) {
                r.setMaxAge(Duration.ofMillis(maxAgeMillis));
            }
        }
        for (int minute = 0; minute < minutes; minute++) {
            for (int i = 0; i < 1000; i++) {
                request(i);
            }
            Thread.sleep(100);
            try (Recording rotate = new Recording()) {
                rotate.start();
                rotate.stop();
            }
        }
        System.out.println("served " + minutes * 1000);
    }

    static void request(int i) {
        sink += handle(i) + (i % 10 == 0 ? audit(i) : 0);
    }

    static long handle(int i) {
        return i * 31L;
    }

    static long audit(int i) {
        return i;
    }
}
