package com.example.lines;

/** Loaded by LineCounts but never run. */
public class Unused {
    static int idle(int x) {
        return x + 1; // idle
    }
}
