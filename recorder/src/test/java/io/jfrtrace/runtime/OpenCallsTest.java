package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.ThreadProfile.CALLS;
import static io.jfrtrace.runtime.ThreadProfile.IT;
import static io.jfrtrace.runtime.ThreadProfile.REC;
import static io.jfrtrace.runtime.ThreadProfile.TT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the calls still open at the end, as cProfile's disable() does (flush_unmatched), from a copy. */
class OpenCallsTest {
    static final int MAIN = 0, A = 1, B = 2;

    /** The function's counters plus what the closing adds to it: {callcount, reccallcount, it, tt}. */
    private static long[] withClosing(ThreadProfile p, List<OpenCalls.Closed> closed, int id) {
        long[] v = {p.callCount(id), p.recursiveCallCount(id), p.inlineTime(id), p.totalTime(id)};
        for (OpenCalls.Closed c : closed) {
            if (c.function() == id) {
                add(v, c.recursive(), c.inline(), c.total());
            }
        }
        return v;
    }

    private static long[] edgeWithClosing(ThreadProfile p, List<OpenCalls.Closed> closed, int caller, int callee) {
        long[] v = {p.edge(caller, callee, CALLS), p.edge(caller, callee, REC), p.edge(caller, callee, IT),
                p.edge(caller, callee, TT)};
        for (OpenCalls.Closed c : closed) {
            if (c.function() == callee && c.caller() == caller) {
                add(v, c.edgeRecursive(), c.inline(), c.total());
            }
        }
        return v;
    }

    private static void add(long[] v, boolean recursive, long it, long tt) {
        v[0]++;
        v[1] += recursive ? 1 : 0;
        v[2] += it;
        v[3] += recursive ? 0 : tt;
    }

    @Test
    void openCallsCloseAtTheEndInnermostFirstWithoutTouchingTheProfile() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(MAIN, 0);
        p.enter(A, 2);
        p.enter(B, 3);
        p.exit(B, 5);      // b returned: tt=2
        p.enter(B, 6);     // still open
        long[] counters = p.functionCounters().clone();
        List<OpenCalls.Closed> closed = OpenCalls.snapshot(p).close(10);
        assertEquals(3, p.depth(), "the owner's stack is not popped");
        assertArrayEquals(counters, p.functionCounters(), "nor its counters changed");
        assertEquals(List.of(B, A, MAIN), closed.stream().map(OpenCalls.Closed::function).toList());
        assertArrayEquals(new long[] {2, 0, 2 + 4, 2 + 4}, withClosing(p, closed, B));
        assertArrayEquals(new long[] {1, 0, 8 - 2 - 4, 8}, withClosing(p, closed, A));
        assertArrayEquals(new long[] {1, 0, 2, 10}, withClosing(p, closed, MAIN));
        assertArrayEquals(new long[] {2, 0, 6, 6}, edgeWithClosing(p, closed, A, B));
        assertArrayEquals(new long[] {1, 0, 2, 8}, edgeWithClosing(p, closed, MAIN, A));
        assertEquals(-1, closed.get(2).caller());
    }

    @Test
    void openRecursionCountsOnlyTheOutermostActivationsTime() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(A, 0);
        p.enter(A, 1);
        p.enter(A, 2);
        List<OpenCalls.Closed> closed = OpenCalls.snapshot(p).close(4);
        assertArrayEquals(new long[] {3, 2, 4, 4}, withClosing(p, closed, A));
        assertArrayEquals(new long[] {2, 1, 3, 3}, edgeWithClosing(p, closed, A, A));
    }

    @Test
    void nothingOpenClosesNothing() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(A, 0);
        p.exit(A, 1);
        assertEquals(List.of(), OpenCalls.snapshot(p).close(5));
    }

    /** The scenario of disable_with_open_calls.py replayed: counters plus closing equal CPython's entries. */
    @Test
    void closingEqualsCProfileDisableWithOpenCalls(@TempDir Path dir) throws Exception {
        List<String> out = python(dir, "disable_with_open_calls.py");
        Map<String, Integer> ids = new HashMap<>();
        ThreadProfile p = new ThreadProfile(null);
        long t = 0;
        int i = 0;
        for (; !out.get(i).startsWith("end "); i++) {
            String[] ev = out.get(i).split(" ");
            int id = ids.computeIfAbsent(ev[1], k -> ids.size());
            if (ev[0].equals("call")) {
                p.enter(id, t++);
            } else {
                p.exit(id, t++);
            }
        }
        assertEquals(Long.parseLong(out.get(i).substring(4)), t, "one tick per event in both");
        assertTrue(p.depth() > 5, "the scenario ends with calls open");
        List<OpenCalls.Closed> closed = OpenCalls.snapshot(p).close(t);

        Map<String, String> expected = new TreeMap<>();
        for (String line : out.subList(i + 1, out.size())) {
            String[] f = line.split(" ", 2);
            String[] v = f[1].split(" ");
            String key = f[0].equals("fn") ? "fn " + v[0] : "edge " + v[0] + " " + v[1];
            expected.put(key, String.join(" ", Arrays.asList(v).subList(f[0].equals("fn") ? 1 : 2, v.length)));
        }
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, Integer> f : ids.entrySet()) {
            actual.put("fn " + f.getKey(), join(withClosing(p, closed, f.getValue())));
            for (Map.Entry<String, Integer> g : ids.entrySet()) {
                long[] e = edgeWithClosing(p, closed, f.getValue(), g.getValue());
                if (e[0] > 0) {
                    actual.put("edge " + f.getKey() + " " + g.getKey(), join(e));
                }
            }
        }
        assertEquals(expected, actual);
    }

    private static String join(long[] v) {
        return v[0] + " " + v[1] + " " + v[2] + " " + v[3];
    }

    /**
     * Another thread copies and closes a running owner's stack again and again: whatever moment it
     * catches, the closed calls form one chain of the owner's real calls (each closed call's caller
     * is the next one out) with no negative time, and the owner's own counting stays exact.
     */
    @Test
    void aCopyOfARunningThreadsStackIsAlwaysAConsistentChain() throws Exception {
        ThreadProfile[] owner = new ThreadProfile[1];
        AtomicBoolean stop = new AtomicBoolean();
        long[] rounds = new long[1];
        Thread t = new Thread(() -> {
            ThreadProfile p = Profiler.current();
            owner[0] = p;
            Profiler.enter(MAIN);
            while (!stop.get()) {
                for (int d = 1; d <= 20; d++) {
                    Profiler.enter(A + d % 2);
                }
                for (int d = 20; d >= 1; d--) {
                    Profiler.exit(p, A + d % 2);
                }
                rounds[0]++;
            }
            Profiler.exit(p, MAIN);
        });
        t.start();
        while (owner[0] == null || owner[0].depth() == 0) {
            Thread.onSpinWait();
        }
        ThreadProfile p = owner[0];
        int deepest = 0;
        for (int k = 0; k < 200_000; k++) {
            OpenCalls.Snapshot s = OpenCalls.snapshot(p);
            List<OpenCalls.Closed> closed = s.close(Clock.now());
            for (int j = 0; j < closed.size(); j++) {
                OpenCalls.Closed c = closed.get(j);
                int expectedCaller = j + 1 < closed.size() ? closed.get(j + 1).function() : -1;
                assertEquals(expectedCaller, c.caller(), () -> closed.toString());
                assertTrue(c.total() >= 0 && c.inline() >= 0 && c.inline() <= c.total(), () -> closed.toString());
            }
            assertTrue(closed.isEmpty() || closed.get(closed.size() - 1).function() == MAIN, () -> closed.toString());
            deepest = Math.max(deepest, closed.size());
        }
        stop.set(true);
        t.join();
        assertTrue(deepest > 1, "the copies caught calls in flight");
        assertEquals(rounds[0] * 10, p.callCount(A));
        assertEquals(rounds[0] * 10, p.callCount(B));
        assertEquals(1, p.callCount(MAIN));
    }

    /** Runs a script of this package's test resources with python3 (skipped without it); its stdout lines. */
    static List<String> python(Path dir, String script) throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = OpenCallsTest.class.getResourceAsStream(script)) {
            Files.copy(in, file);
        }
        Process proc;
        try {
            proc = new ProcessBuilder("python3", file.toString()).redirectError(dir.resolve("stderr").toFile()).start();
        } catch (IOException e) {
            Assumptions.abort("python3 not available");
            throw e;
        }
        proc.getOutputStream().close();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
        assertEquals(0, proc.exitValue(), () -> readQuietly(dir.resolve("stderr")));
        return new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
