package com.example.service;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * A service that serves on request and counts what it served, so that a profile of any window can be checked call by
 * call: each line N on stdin serves N requests (every tenth one audited) and answers "served N"; "ready" when it
 * listens. Usage: CountingService
 */
public final class CountingService {
    static long sink;

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        System.out.println("ready");
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            int n = Integer.parseInt(line.strip());
            serve(n);
            System.out.println("served " + n);
            System.out.flush();
        }
    }

    static void serve(int n) {
        for (int i = 0; i < n; i++) {
            request(i);
        }
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
