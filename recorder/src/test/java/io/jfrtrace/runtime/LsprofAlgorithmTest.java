package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.ThreadProfile.CALLS;
import static io.jfrtrace.runtime.ThreadProfile.IT;
import static io.jfrtrace.runtime.ThreadProfile.REC;
import static io.jfrtrace.runtime.ThreadProfile.TT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The _lsprof algorithm (cpython-formats.md §3.2) on event streams with a fake clock. */
class LsprofAlgorithmTest {
    static final int MAIN = 0, A = 1, B = 2, FACT = 3, EVEN = 4, ODD = 5, C = 6;

    /** A fake clock that advances by one tick per event. */
    static final class Ticker {
        final ThreadProfile p = new ThreadProfile(null);
        long t;

        void call(int id) {
            p.enter(id, t++);
        }

        void ret(int id) {
            p.exit(id, t++);
        }
    }

    private static void assertFn(ThreadProfile p, int id, long nc, long rec, long it, long tt) {
        assertEquals(nc, p.callCount(id), "callcount");
        assertEquals(rec, p.recursiveCallCount(id), "reccallcount");
        assertEquals(it, p.inlineTime(id), "it");
        assertEquals(tt, p.totalTime(id), "tt");
    }

    private static void assertEdge(ThreadProfile p, int caller, int callee, long nc, long rec, long it, long tt) {
        assertEquals(nc, p.edge(caller, callee, CALLS), "edge callcount");
        assertEquals(rec, p.edge(caller, callee, REC), "edge reccallcount");
        assertEquals(it, p.edge(caller, callee, IT), "edge it");
        assertEquals(tt, p.edge(caller, callee, TT), "edge tt");
    }

    @Test
    void simpleNestingHandComputed() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(MAIN, 0);
        p.enter(A, 1);
        p.enter(B, 2);
        p.exit(B, 5);   // b: tt=3, it=3
        p.exit(A, 7);   // a: tt=6, subt=3 -> it=3
        p.enter(B, 8);
        p.exit(B, 9);   // b: tt=1, it=1
        p.exit(MAIN, 10); // main: tt=10, subt=6+1 -> it=3
        assertFn(p, MAIN, 1, 0, 3, 10);
        assertFn(p, A, 1, 0, 3, 6);
        assertFn(p, B, 2, 0, 4, 4);
        assertEdge(p, MAIN, A, 1, 0, 3, 6);
        assertEdge(p, A, B, 1, 0, 3, 3);
        assertEdge(p, MAIN, B, 1, 0, 1, 1);
        assertEquals(0, p.depth());
    }

    @Test
    void factorialRecursionGives436Over30AndEdge406Over28() {
        Ticker k = new Ticker();
        k.call(MAIN);
        long expectedChainTime = 0;
        long expectedEdgeTime = 0;
        for (int i = 0; i < 30; i++) {
            int depth = Math.max(i, 1); // fact(n) = n <= 1 ? 1 : n * fact(n - 1)
            for (int d = 0; d < depth; d++) {
                k.call(FACT);
            }
            for (int d = 0; d < depth; d++) {
                k.ret(FACT);
            }
            expectedChainTime += 2L * depth - 1;            // outermost activation's duration
            if (depth >= 2) {
                expectedEdgeTime += 2L * depth - 3;         // outermost fact->fact activation
            }
        }
        k.ret(MAIN);
        ThreadProfile p = k.p;
        // nc/cc = 436/30: callcount 436, reccallcount 406
        assertEquals(436, p.callCount(FACT));
        assertEquals(436 - 30, p.recursiveCallCount(FACT));
        assertEquals(406, p.edge(FACT, FACT, CALLS));
        assertEquals(406 - 28, p.edge(FACT, FACT, REC));
        assertEquals(30, p.edge(MAIN, FACT, CALLS));
        assertEquals(0, p.edge(MAIN, FACT, REC));
        // cumulative time only for outermost activations (no double counting)
        assertEquals(expectedChainTime, p.totalTime(FACT));
        assertEquals(expectedChainTime, p.inlineTime(FACT)); // every tick inside a chain is in some fact frame
        assertEquals(expectedEdgeTime, p.edge(FACT, FACT, TT));
        assertEquals(expectedEdgeTime, p.edge(FACT, FACT, IT));
        assertEquals(expectedChainTime, p.edge(MAIN, FACT, TT));
        long total = k.t - 1;
        assertFn(p, MAIN, 1, 0, total - expectedChainTime, total);
    }

    @Test
    void mutualRecursionCountsPerFunctionAndPerEdge() {
        Ticker k = new Ticker();
        k.call(MAIN);       // t0
        k.call(EVEN);       // 1  even(3)
        k.call(ODD);        // 2  odd(2)
        k.call(EVEN);       // 3  even(1)
        k.call(ODD);        // 4  odd(0)
        k.ret(ODD);         // 5
        k.ret(EVEN);        // 6
        k.ret(ODD);         // 7
        k.ret(EVEN);        // 8
        k.ret(MAIN);        // 9
        ThreadProfile p = k.p;
        // odd(0): 1/1 ; even(1): 3-... computed by hand:
        // odd(0)  tt=1 it=1 ; even(1) tt=3 it=2 ; odd(2) tt=5 it=2 ; even(3) tt=7 it=2
        assertFn(p, EVEN, 2, 1, 4, 7);
        assertFn(p, ODD, 2, 1, 3, 5);
        assertEdge(p, EVEN, ODD, 2, 1, 3, 5);
        assertEdge(p, ODD, EVEN, 1, 0, 2, 3);
        assertEdge(p, MAIN, EVEN, 1, 0, 2, 7);
        assertFn(p, MAIN, 1, 0, 2, 9);
    }

    @Test
    void exitByExceptionIsAReturn() {
        // a throws, b catches: the exception exit of a is reported as exit(a)
        ThreadProfile p = new ThreadProfile(null);
        p.enter(B, 0);
        p.enter(A, 2);
        p.exit(A, 5);     // exceptional exit via the catch-all handler
        p.exit(B, 9);
        assertFn(p, A, 1, 0, 3, 3);
        assertFn(p, B, 1, 0, 6, 9);
    }

    @Test
    void mismatchedExitPopsDownToTheFunctionCountingReturns() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(MAIN, 0);
        p.enter(A, 1);
        p.enter(B, 2);     // e.g. a constructor whose super() threw: b never exits itself
        p.exit(A, 6);      // pops b at 6 (tt=4) then a at 6 (tt=5, it=1)
        assertFn(p, B, 1, 0, 4, 4);
        assertFn(p, A, 1, 0, 1, 5);
        assertEquals(1, p.depth());
        p.exit(C, 7);      // c is not open: ignored
        assertEquals(1, p.depth());
        assertEquals(0, p.callCount(C));
        p.exit(MAIN, 8);
        assertFn(p, MAIN, 1, 0, 3, 8);
        p.exit(MAIN, 9);   // nothing open: ignored
        assertEquals(1, p.callCount(MAIN));
    }

    @Test
    void unwindingThroughRecursionStopsAtTheNearestActivation() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(A, 0);
        p.enter(A, 1);
        p.enter(B, 2);
        p.exit(A, 4); // pops b and the inner a only
        assertEquals(1, p.depth());
        assertEquals(1, p.callCount(A));
        assertEquals(1, p.recursiveCallCount(A));
        p.exit(A, 10);
        assertFn(p, A, 2, 1, 1 + 7, 10); // inner a: tt=3, it=1 ; outer a: tt=10, it=10-3=7
    }

    @Test
    void popAllFlushesOpenFramesLikeDisable() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(MAIN, 0);
        p.enter(A, 3);
        p.popAll(10);
        assertFn(p, A, 1, 0, 7, 7);
        assertFn(p, MAIN, 1, 0, 3, 10);
    }

    @Test
    void twoThreadsTablesAreIndependent() throws Exception {
        ThreadProfile[] got = new ThreadProfile[2];
        Thread[] ts = new Thread[2];
        for (int n = 0; n < 2; n++) {
            final int depth = n + 2;
            final int slot = n;
            ts[n] = new Thread(() -> {
                for (int rep = 0; rep < 1000; rep++) {
                    ThreadProfile tp = null;
                    for (int d = 0; d < depth; d++) {
                        tp = Profiler.enter(100);
                    }
                    for (int d = 0; d < depth; d++) {
                        Profiler.exit(tp, 100);
                    }
                    got[slot] = tp;
                }
            });
            ts[n].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(2000, got[0].callCount(100));
        assertEquals(1000, got[0].recursiveCallCount(100));
        assertEquals(3000, got[1].callCount(100));
        assertEquals(2000, got[1].recursiveCallCount(100));
        assertEquals(1000, got[0].edge(100, 100, CALLS));
        assertEquals(0, got[0].edge(100, 100, REC));
        assertEquals(2000, got[1].edge(100, 100, CALLS));
        assertEquals(1000, got[1].edge(100, 100, REC));
        assertEquals(false, got[0].isOwnerAlive());
    }

    @Test
    void tablesGrowWithManyFunctionsEdgesAndDeepStacks() {
        ThreadProfile p = new ThreadProfile(null);
        long t = 0;
        for (int i = 0; i < 5000; i++) {
            p.enter(i, t++);
        }
        for (int i = 4999; i >= 0; i--) {
            p.exit(i, t++);
        }
        for (int i = 0; i < 5000; i++) {
            assertEquals(1, p.callCount(i));
            if (i > 0) {
                assertEquals(1, p.edge(i - 1, i, CALLS));
            }
        }
        assertEquals(4999, p.edgeCount());
        assertEquals(2 * 5000 - 1, p.totalTime(0));
    }

    @Test
    void anUndonePushLeavesNoTraceInCountsOrRecursionLevels() {
        // Profiler.enter pushes, then reads the clock; if that read overflows the stack, the push is undone.
        Ticker t = new Ticker();
        t.call(MAIN);
        t.call(A);
        t.p.push(A);
        t.p.undoPush();
        t.ret(A);
        t.ret(MAIN);
        assertEquals(0, t.p.depth());
        assertFn(t.p, A, 1, 0, 1, 1);
        assertEdge(t.p, MAIN, A, 1, 0, 1, 1);
        assertFn(t.p, MAIN, 1, 0, 2, 3);
    }
}
