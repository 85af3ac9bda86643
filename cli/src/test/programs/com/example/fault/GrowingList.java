package com.example.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds small arrays to a list that stays reachable until the heap runs out in grow(): the heap is
 * still full while the uncaught error is handled and while the JVM shuts down (exit status 1).
 */
public class GrowingList {
    static final List<long[]> KEPT = new ArrayList<>();

    static void grow() {
        while (true) {
            KEPT.add(new long[128]);
        }
    }

    public static void main(String[] args) {
        grow();
    }
}
