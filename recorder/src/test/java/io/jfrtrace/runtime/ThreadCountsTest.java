package io.jfrtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --timer count}'s tables: the same calls and primitive calls, per function and per edge, as the timed
 * profiler's _lsprof port gets for the same events (its open calls closed at the end, as disable() closes them).
 */
class ThreadCountsTest {
    static final int MAIN = 0, FACT = 1, EVEN = 2, ODD = 3, LEAF = 4;

    @Test
    void recursionLevelsPerFunctionAndPerEdge() {
        ThreadCounts c = new ThreadCounts(null);
        c.enter(MAIN);
        fact(c, 5); // main -> fact(5) -> fact(4) ... fact(1)
        c.exit(MAIN);
        assertEquals(5, c.callCount(FACT));
        assertEquals(4, c.recursiveCallCount(FACT));
        assertEquals(1, c.edge(MAIN, FACT, ThreadCounts.CALLS));
        assertEquals(1, c.edge(MAIN, FACT, ThreadCounts.PRIMITIVE));
        assertEquals(4, c.edge(FACT, FACT, ThreadCounts.CALLS));
        assertEquals(1, c.edge(FACT, FACT, ThreadCounts.PRIMITIVE)); // the first fact -> fact call is the edge's primitive one
        assertEquals(1, c.edge(ThreadCounts.ROOT, MAIN, ThreadCounts.CALLS));
        assertEquals(0, c.depth());
    }

    private static void fact(ThreadCounts c, int n) {
        c.enter(FACT);
        if (n > 1) {
            fact(c, n - 1);
        }
        c.exit(FACT);
    }

    @Test
    void aCallIsCountedWhenItBeginsAndAnOpenOneStaysCounted() {
        ThreadCounts c = new ThreadCounts(null);
        c.enter(MAIN);
        c.enter(LEAF);
        assertEquals(1, c.callCount(LEAF));
        assertEquals(1, c.edge(MAIN, LEAF, ThreadCounts.CALLS));
        assertEquals(2, c.depth());
    }

    @Test
    void anExitOfAFrameBelowTakesTheFramesAboveWithItAndAResumeKeepsItsOwn() {
        ThreadCounts c = new ThreadCounts(null);
        c.enter(MAIN);
        c.enter(EVEN);
        c.enter(ODD);
        c.enter(EVEN); // even (2nd) -> recursive
        c.exit(ODD);   // an exception left even open: both go, the levels with them
        assertEquals(2, c.depth());
        c.enter(EVEN); // primitive again? no: the first even is still open
        assertEquals(3, c.callCount(EVEN));
        assertEquals(2, c.recursiveCallCount(EVEN));
        c.exit(EVEN);
        c.enter(LEAF);
        c.enter(ODD);
        c.resume(EVEN); // a handler in the outer even: leaf and odd are gone
        assertEquals(2, c.depth());
        c.exit(EVEN);
        c.enter(EVEN);
        assertEquals(2, c.recursiveCallCount(EVEN), "no even open: a primitive call");
        c.exit(LEAF); // no leaf open: ignored
        assertEquals(2, c.depth());
    }

    /**
     * Each edge counts the calls its caller made to its callee, whichever cache found it: callers that alternate
     * their callees (their own cache misses), callees with several callers (theirs misses), both at once; checked
     * against a plain map of the calls made, for both profilers.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void edgeCountsAreTheCallsMadeWhateverCacheFindsTheEdge(long seed) {
        Random r = new Random(seed);
        ThreadCounts counts = new ThreadCounts(null);
        ThreadProfile timed = new ThreadProfile(null);
        java.util.Map<Long, Long> made = new java.util.HashMap<>();
        List<Integer> open = new ArrayList<>();
        long t = 0;
        for (int step = 0; step < 50_000; step++) {
            if (open.isEmpty() || r.nextInt(100) < 50 && open.size() < 6) {
                int caller = open.isEmpty() ? ThreadCounts.ROOT : open.get(open.size() - 1);
                int id = step % 3 == 0 ? r.nextInt(4) : (step / 2) % 4; // alternating callees and random ones
                made.merge((long) caller << 32 | id & 0xFFFFFFFFL, 1L, Long::sum);
                counts.enter(id);
                timed.enter(id, t++);
                open.add(id);
            } else {
                int id = open.remove(open.size() - 1);
                counts.exit(id);
                timed.exit(id, t++);
            }
        }
        timed.popAll(t);
        for (int f = -1; f < 4; f++) {
            for (int g = 0; g < 4; g++) {
                long expected = made.getOrDefault((long) f << 32 | g & 0xFFFFFFFFL, 0L);
                assertEquals(expected, counts.edge(f, g, ThreadCounts.CALLS), f + "->" + g);
                if (f >= 0) { // the timed profile has no root edges
                    assertEquals(expected, timed.edge(f, g, ThreadProfile.CALLS), f + "->" + g + " timed");
                }
            }
        }
    }

    /** Random programs with recursion and exceptions that leave frames open: both tables count the same. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99999})
    void countsEqualTheTimedProfilersOnRandomEventStreams(long seed) {
        Random r = new Random(seed);
        ThreadCounts counts = new ThreadCounts(null);
        ThreadProfile timed = new ThreadProfile(null);
        List<Integer> open = new ArrayList<>();
        int functions = 12;
        long t = 0;
        for (int step = 0; step < 20_000; step++) {
            int what = r.nextInt(100);
            if (open.isEmpty() || what < 48 && open.size() < 300) {
                int id = r.nextInt(functions);
                counts.enter(id);
                timed.enter(id, t++);
                open.add(id);
            } else if (what < 90) {
                int id = open.remove(open.size() - 1);
                counts.exit(id);
                timed.exit(id, t++);
            } else if (what < 95) { // an exit with frames above it (an exception skipped their exits)
                int i = r.nextInt(open.size());
                int id = open.get(i);
                int nearest = open.lastIndexOf(id);
                counts.exit(id);
                timed.exit(id, t++);
                open.subList(nearest, open.size()).clear();
            } else if (what < 98) { // a handler of an open function
                int id = open.get(r.nextInt(open.size()));
                int nearest = open.lastIndexOf(id);
                if (counts.needsResume(id) != timed.needsResume(id)) {
                    throw new AssertionError("needsResume differs at step " + step);
                }
                counts.resume(id);
                timed.resume(id, t++);
                open.subList(nearest + 1, open.size()).clear();
            } else { // an exit of a function that is not open
                int id = functions + r.nextInt(3);
                counts.exit(id);
                timed.exit(id, t++);
            }
            assertEquals(timed.depth(), counts.depth(), "depth at step " + step);
        }
        timed.popAll(t);
        for (int f = 0; f < functions; f++) {
            assertEquals(timed.callCount(f), counts.callCount(f), "calls of " + f);
            assertEquals(timed.recursiveCallCount(f), counts.recursiveCallCount(f), "recursive calls of " + f);
            for (int g = 0; g < functions; g++) {
                assertEquals(timed.edge(f, g, ThreadProfile.CALLS), counts.edge(f, g, ThreadCounts.CALLS), f + "->" + g);
                assertEquals(timed.edge(f, g, ThreadProfile.REC),
                        counts.edge(f, g, ThreadCounts.CALLS) - counts.edge(f, g, ThreadCounts.PRIMITIVE), f + "->" + g + " rec");
            }
        }
        long rootCalls = 0;
        for (int f = 0; f < functions; f++) {
            rootCalls += counts.edge(ThreadCounts.ROOT, f, ThreadCounts.CALLS);
        }
        long calls = 0;
        for (int f = 0; f < functions; f++) {
            calls += counts.callCount(f);
        }
        long edgeCalls = 0;
        for (int f = 0; f < functions; f++) {
            for (int g = 0; g < functions; g++) {
                edgeCalls += counts.edge(f, g, ThreadCounts.CALLS);
            }
        }
        assertEquals(calls, rootCalls + edgeCalls, "every call has one caller, the root's for the outermost");
    }
}
