package com.example.fault;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that makes HotSpot raise signals for its own use, for a few seconds on many threads: implicit null
 * checks in hot compiled loops, StackOverflowError caught after deep recursion (stack banging, guard pages),
 * allocation and GC, safepoints (thread dumps). Exits 0. Prints whether the native crash handler is loaded.
 */
public class Stress {
    static final class Box {
        int value;
    }

    static volatile long sink;

    static int read(Box b) {
        return b.value; // an implicit null check: a SIGSEGV that HotSpot turns into NullPointerException
    }

    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    public static void main(String[] args) throws Exception {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 4000;
        String maps = new String(Files.readAllBytes(Paths.get("/proc/self/maps")));
        System.out.println("native agent: " + (maps.contains("libjfrtrace_fault") ? "yes" : "no")
                + ", libjsig: " + (maps.contains("libjsig") ? "yes" : "no"));
        long end = System.currentTimeMillis() + millis;
        List<Thread> threads = new ArrayList<>();
        long[] npes = new long[8];
        for (int t = 0; t < npes.length; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                Box box = new Box();
                List<byte[]> garbage = new ArrayList<>();
                while (System.currentTimeMillis() < end) {
                    for (int i = 0; i < 100_000; i++) {
                        try {
                            sink += read(i % 1000 == 0 ? null : box);
                        } catch (NullPointerException e) {
                            npes[me]++;
                        }
                    }
                    garbage.add(new byte[16 * 1024]);
                    if (garbage.size() > 500) {
                        garbage.clear();
                    }
                    if (me % 4 == 0) {
                        try {
                            recurse();
                        } catch (StackOverflowError e) {
                            depth = 0;
                        }
                    }
                }
            }, "stress-" + t);
            threads.add(th);
            th.start();
        }
        while (System.currentTimeMillis() < end) {
            Thread.getAllStackTraces(); // safepoints
            System.gc();
            Thread.sleep(50);
        }
        for (Thread th : threads) {
            th.join();
        }
        long total = 0;
        for (long n : npes) {
            total += n;
        }
        System.out.println("null pointer exceptions: " + total);
    }
}
