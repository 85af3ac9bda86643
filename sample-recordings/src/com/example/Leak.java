package com.example;

import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.api.Tracemalloc;

/**
 * A request handler with a leak: every request adds 1000 bytes to a cache that is never
 * emptied, and makes 500 bytes of garbage. Snapshots "before" and "after" bracket 250 requests,
 * so compare shows the cache line first with count +250, and the garbage line not at all.
 */
public class Leak {
    static final List<byte[]> CACHE = new ArrayList<>();

    static int handle(int request) {
        CACHE.add(new byte[1000]); // leak
        byte[] scratch = new byte[500]; // garbage
        scratch[request % scratch.length] = 1;
        return scratch.length;
    }

    public static void main(String[] args) {
        int n = 0;
        for (int i = 0; i < 100; i++) {
            n += handle(i);
        }
        Tracemalloc.takeSnapshot("before");
        for (int i = 0; i < 250; i++) {
            n += handle(i);
        }
        Tracemalloc.takeSnapshot("after");
        System.out.println("handled " + n / 500 + " requests, cache holds " + CACHE.size());
    }
}
