package com.example.tree;

import java.time.Duration;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * For CallTreeIT: known call paths, ROUNDS times: main → round → a → c (3 calls a round), main → round → b → c (5) and
 * main → round → fact → fact → fact → fact (fact(4)). With MAX_AGE_MILLIS, each round ends its recording chunk (a
 * short recording started and stopped beside jfr-trace's rotates it) while jfr-trace's recording keeps only the chunks
 * of the last MAX_AGE_MILLIS (JFR's maxage). Then, with a third argument {@code exit}, main calls finish, which ends
 * the JVM (System.exit) with both calls open; with another third argument it prints "ready" and ticks until it is
 * killed. Usage: TreePaths [ROUNDS [MAX_AGE_MILLIS [wait|exit]]]
 */
public final class TreePaths {
    static long sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long maxAgeMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        if (maxAgeMillis > 0) {
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                if ("jfr-trace".equals(r.getName())) {
                    r.setMaxAge(Duration.ofMillis(maxAgeMillis));
                }
            }
        }
        for (int i = 0; i < rounds; i++) {
            round();
            if (maxAgeMillis > 0) {
                Thread.sleep(100);
                try (Recording rotate = new Recording()) {
                    rotate.start();
                    rotate.stop();
                }
            }
        }
        System.out.println("rounds " + rounds);
        if (args.length > 2 && args[2].equals("exit")) {
            finish();
        }
        if (args.length > 2) {
            System.out.println("ready");
            while (true) {
                tick();
                Thread.sleep(20);
            }
        }
    }

    static void round() {
        for (int i = 0; i < 3; i++) {
            a();
        }
        for (int i = 0; i < 5; i++) {
            b();
        }
        sink += fact(4);
    }

    static void a() {
        c();
    }

    static void b() {
        c();
    }

    static void c() {
        sink++;
    }

    static long fact(int n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }

    /** Ends the JVM with main and this call still open. */
    static void finish() {
        System.exit(0);
    }

    static void tick() {
        sink++;
    }
}
