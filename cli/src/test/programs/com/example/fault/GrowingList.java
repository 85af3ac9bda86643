package com.example.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds small arrays to a list that stays reachable until the heap runs out in grow(): the heap is
 * still full while the uncaught error is handled and while the JVM shuts down (exit status 1).
 * With the argument "spent" it first runs out of memory a few times in spend() and recovers, which
 * uses up HotSpot's preallocated OutOfMemoryErrors with a backtrace: grow()'s error has none.
 */
public class GrowingList {
    static final List<long[]> KEPT = new ArrayList<>();

    static void grow() {
        while (true) {
            KEPT.add(new long[128]);
        }
    }

    static void spend() {
        for (int i = 0; i < 5; i++) {
            List<long[]> dropped = new ArrayList<>();
            try {
                while (true) {
                    dropped.add(new long[128]);
                }
            } catch (OutOfMemoryError expected) {
                dropped = null;
            }
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("spent")) {
            spend();
        }
        grow();
    }
}
