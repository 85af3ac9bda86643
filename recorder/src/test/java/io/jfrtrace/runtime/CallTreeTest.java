package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.CallTree.CALLS;
import static io.jfrtrace.runtime.CallTree.SELF;
import static io.jfrtrace.runtime.CallTree.TOTAL;
import static io.jfrtrace.runtime.CallTree.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The calling-context tree kept beside a thread's profile ({@code record --call-tree}), driven as TreeProfiler's hooks
 * drive it, with a fake clock: one node per call path, exact calls and times, the bound's "(truncated)" rule.
 */
class CallTreeTest {
    static final int MAIN = 0, A = 1, B = 2, C = 3, FACT = 4, COMPARE = 5, M = 6, SORT = 7;
    /** Comparator.compare through the interface (selector 7), as DispatchedCallsTest. */
    static final long K_COMPARE = (7L << 32) | COMPARE;

    /** A thread's profile and tree, with TreeProfiler's order of steps and a clock that is given. */
    static final class Run {
        final ThreadProfile p = new ThreadProfile(null);
        final CallTree t;

        Run(int limit) {
            t = new CallTree(limit);
            p.tree = t;
        }

        void call(int id, long now) {
            int d = p.depth;
            int t0 = p.push(id);
            t.pushed(p, d, id);
            p.stamp(t0, now);
        }

        void ret(int id, long now) {
            int d = p.depth;
            p.exit(id, now);
            t.popped(p, d, now);
        }

        void resume(int id, long now) {
            int d = p.depth;
            p.resume(id, now);
            t.popped(p, d, now);
        }

        void builtin(long key, long now) {
            int d = p.depth;
            int t0 = p.pushBuiltin(key);
            t.pushed(p, d, (int) key);
            p.stamp(t0, now);
        }

        void exitBuiltin(long key, long now) {
            int d = p.depth;
            p.exitBuiltin(key, now);
            t.popped(p, d, now);
        }

        void target(int id, long[] keys, long now) {
            int d = p.depth;
            int t0 = p.pushTarget(id, keys);
            t.targetPushed(p, d, id);
            p.stamp(t0, now);
        }

        /** Calls, self and total time of the path {@code functions}. */
        List<Long> path(int... functions) {
            int n = t.node(functions);
            assertTrue(n > 0, () -> "no node for " + java.util.Arrays.toString(functions));
            return List.of(t.counter(n, CALLS), t.counter(n, SELF), t.counter(n, TOTAL));
        }

        long selfOfAllNodes() {
            long sum = 0;
            for (int n = 1; n < t.count(); n++) {
                sum += t.counter(n, SELF);
            }
            return sum;
        }

        long callsOfAllNodes() {
            long sum = 0;
            for (int n = 1; n < t.count(); n++) {
                sum += t.counter(n, CALLS);
            }
            return sum;
        }

        long inlineOfAllFunctions() {
            long sum = 0;
            for (int id = 0; id <= SORT; id++) {
                sum += p.inlineTime(id);
            }
            return sum;
        }

        long callsOfAllFunctions() {
            long sum = 0;
            for (int id = 0; id <= SORT; id++) {
                sum += p.callCount(id);
            }
            return sum;
        }
    }

    @Test
    void theSameFunctionOnTwoPathsIsTwoNodes() {
        Run r = new Run(100);
        long t = 0;
        r.call(MAIN, t++);
        for (int i = 0; i < 3; i++) { // main -> a -> c, three times: a 3 ticks, c 1 tick each
            r.call(A, t);
            r.call(C, t + 1);
            r.ret(C, t + 2);
            r.ret(A, t + 3);
            t += 4;
        }
        for (int i = 0; i < 5; i++) { // main -> b -> c, five times: b 5 ticks, c 2 ticks each
            r.call(B, t);
            r.call(C, t + 1);
            r.ret(C, t + 3);
            r.ret(B, t + 5);
            t += 6;
        }
        r.ret(MAIN, t); // t = 1 + 12 + 30 = 43
        assertEquals(List.of(3L, 3 * 1L, 3 * 1L), r.path(MAIN, A, C));
        assertEquals(List.of(5L, 5 * 2L, 5 * 2L), r.path(MAIN, B, C));
        assertEquals(List.of(3L, 3 * 2L, 3 * 3L), r.path(MAIN, A));
        assertEquals(List.of(5L, 5 * 3L, 5 * 5L), r.path(MAIN, B));
        assertEquals(List.of(1L, 43L - 9 - 25, 43L), r.path(MAIN));
        assertEquals(6, r.t.count(), "root, main, a, b, and c twice");
        assertEquals(-1, r.t.node(MAIN, C), "main never called c itself");
        assertEquals(r.inlineOfAllFunctions(), r.selfOfAllNodes(), "self times add up to the profile's");
        assertEquals(r.callsOfAllFunctions(), r.callsOfAllNodes());
    }

    @Test
    void recursionMakesDeeperPathsAndNoDoubleCountedTotal() {
        Run r = new Run(100);
        long t = 0;
        r.call(MAIN, t++);
        for (int round = 0; round < 2; round++) {
            for (int d = 0; d < 4; d++) {
                r.call(FACT, t++);
            }
            for (int d = 0; d < 4; d++) {
                r.ret(FACT, t++);
            }
        }
        r.ret(MAIN, t);
        // main -> fact: the outermost activations, 7 ticks each; the profile's fact totals the same
        assertEquals(List.of(2L, 4L, 14L), r.path(MAIN, FACT));
        assertEquals(r.p.totalTime(FACT), r.path(MAIN, FACT).get(2));
        assertEquals(List.of(2L, 4L, 10L), r.path(MAIN, FACT, FACT));
        assertEquals(List.of(2L, 2L, 2L), r.path(MAIN, FACT, FACT, FACT, FACT));
        assertEquals(8, r.p.callCount(FACT));
        assertEquals(r.inlineOfAllFunctions(), r.selfOfAllNodes());
    }

    @Test
    void framesAnExceptionLeftOpenReturnToTheirOwnNodes() {
        Run r = new Run(100);
        r.call(MAIN, 0);
        r.call(A, 1);
        r.call(B, 2);
        r.call(C, 3);
        r.resume(A, 6); // a's handler: c and b return at 6
        r.ret(A, 8);
        r.call(C, 9);   // and main calls c itself
        r.ret(C, 10);
        r.ret(MAIN, 12);
        assertEquals(List.of(1L, 3L, 3L), r.path(MAIN, A, B, C));
        assertEquals(List.of(1L, 1L, 4L), r.path(MAIN, A, B));
        assertEquals(List.of(1L, 3L, 7L), r.path(MAIN, A));
        assertEquals(List.of(1L, 1L, 1L), r.path(MAIN, C));
        assertEquals(List.of(1L, 4L, 12L), r.path(MAIN));
        assertEquals(r.inlineOfAllFunctions(), r.selfOfAllNodes());
        assertEquals(r.callsOfAllFunctions(), r.callsOfAllNodes());
    }

    @Test
    void aCallThroughAnInterfaceThatLandsInTheProgramIsItsCallersChild() {
        Run r = new Run(100);
        r.call(MAIN, 0);
        r.builtin(K_COMPARE, 1);
        r.target(M, new long[] {K_COMPARE}, 2);
        r.ret(M, 5);
        r.exitBuiltin(K_COMPARE, 6);
        r.builtin(SORT, 7);  // a real built-in keeps its node
        r.exitBuiltin(SORT, 9);
        r.ret(MAIN, 10);
        assertEquals(List.of(1L, 3L, 3L), r.path(MAIN, M));
        assertEquals(List.of(1L, 2L, 2L), r.path(MAIN, SORT));
        assertEquals(0, r.t.counter(r.t.node(MAIN, COMPARE), CALLS), "the built-in set aside counts nothing");
        assertEquals(List.of(1L, 5L, 10L), r.path(MAIN));
        assertEquals(r.inlineOfAllFunctions(), r.selfOfAllNodes());
    }

    @Test
    void pathsBeyondTheBoundCountInTheDeepestNodesTruncatedChild() {
        Run r = new Run(2); // main and main -> a fit
        r.call(MAIN, 0);
        r.call(A, 1);
        r.ret(A, 2);
        r.call(B, 3);     // main -> b: no room, main's "(truncated)" child
        r.call(C, 4);     // and what b calls too
        r.call(C, 5);
        r.ret(C, 6);
        r.ret(C, 8);
        r.ret(B, 11);
        r.call(A, 12);    // main -> a is still its own path
        r.call(C, 13);    // main -> a -> c: a's "(truncated)" child
        r.ret(C, 14);
        r.ret(A, 16);
        r.ret(MAIN, 20);
        assertEquals(List.of(2L, 4L, 5L), r.path(MAIN, A));
        // b 4 ticks of its own, the outer c 3, the inner c 1: all of the subtree's time is the node's own
        assertEquals(3L, r.path(MAIN, TRUNCATED).get(0));
        assertEquals(8L, r.path(MAIN, TRUNCATED).get(1));
        assertEquals(List.of(1L, 1L, 1L), r.path(MAIN, A, TRUNCATED));
        assertEquals(-1, r.t.node(MAIN, B));
        assertEquals(5, r.t.count(), "root, 2 paths, 2 truncated nodes");
        assertEquals(r.inlineOfAllFunctions(), r.selfOfAllNodes(), "nothing lost");
        assertEquals(r.callsOfAllFunctions(), r.callsOfAllNodes());
    }

    @Test
    void manyPathsAndDeepStacksGrowTheTables() {
        Run r = new Run(100_000);
        long t = 0;
        r.call(MAIN, t++);
        for (int f = 100; f < 1100; f++) { // a thousand distinct callees of main
            r.call(f, t++);
            r.ret(f, t++);
        }
        for (int d = 0; d < 300; d++) { // and a recursion 300 deep
            r.call(FACT, t++);
        }
        for (int d = 0; d < 300; d++) {
            r.ret(FACT, t++);
        }
        r.ret(MAIN, t);
        assertEquals(1 + 1 + 1000 + 300, r.t.count());
        for (int f = 100; f < 1100; f++) {
            assertEquals(List.of(1L, 1L, 1L), r.path(MAIN, f));
        }
        int[] deepest = new int[301];
        deepest[0] = MAIN;
        java.util.Arrays.fill(deepest, 1, 301, FACT);
        assertEquals(List.of(1L, 1L, 1L), r.path(deepest));
    }
}
