package com.example.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs out of heap in grow(); the error is uncaught, so the JVM exits with status 1. The hog is
 * local (freed once the error unwinds main), or static with the argument "static" (the heap stays full).
 */
public class Oom {
    static final List<long[]> STATIC_HOG = new ArrayList<>();

    static void grow(List<long[]> hog) {
        while (true) {
            hog.add(new long[1 << 16]);
        }
    }

    public static void main(String[] args) {
        grow(args.length > 0 && args[0].equals("static") ? STATIC_HOG : new ArrayList<>());
    }
}
