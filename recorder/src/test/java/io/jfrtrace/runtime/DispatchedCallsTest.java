package io.jfrtrace.runtime;

import static io.jfrtrace.runtime.ThreadProfile.CALLS;
import static io.jfrtrace.runtime.ThreadProfile.IT;
import static io.jfrtrace.runtime.ThreadProfile.REC;
import static io.jfrtrace.runtime.ThreadProfile.TT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * With --builtins, a call through an uninstrumented interface or class that lands directly in an
 * instrumented method counts as a call of that method by the caller, as cProfile counts a Python
 * function called through any object; a JDK method that calls back (List.sort calling compare)
 * keeps its built-in entry, as cProfile's sorted() does with its key function.
 */
class DispatchedCallsTest {
    static final int X = 0, M = 1, COMPARE = 2, SORT = 3;
    /** Comparator.compare(Object, Object) called through the interface: selector 7. */
    static final long K_COMPARE = (7L << 32) | COMPARE;
    /** List.sort(Comparator): selector 8. */
    static final long K_SORT = (8L << 32) | SORT;
    static final long[] M_KEYS = {K_COMPARE};

    private static void builtin(ThreadProfile p, long key, long now) {
        p.stamp(p.pushBuiltin(key), now);
    }

    private static void target(ThreadProfile p, int id, long now) {
        p.stamp(p.pushTarget(id, M_KEYS), now);
    }

    private static void assertFn(ThreadProfile p, int id, long nc, long rec, long it, long tt) {
        assertEquals(List.of(nc, rec, it, tt), List.of(p.callCount(id), p.recursiveCallCount(id), p.inlineTime(id),
                p.totalTime(id)), "function " + id);
    }

    private static void assertEdge(ThreadProfile p, int caller, int callee, long nc, long rec, long it, long tt) {
        assertEquals(List.of(nc, rec, it, tt), List.of(p.edge(caller, callee, CALLS), p.edge(caller, callee, REC),
                p.edge(caller, callee, IT), p.edge(caller, callee, TT)), "edge " + caller + "->" + callee);
    }

    @Test
    void aCallThroughTheInterfaceCountsAsTheCallersOwnCall() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_COMPARE, 1);
        target(p, M, 2);
        p.exit(M, 5);
        p.exitBuiltin(K_COMPARE, 6);
        p.exit(X, 10);
        // exactly as if X had called M at 2
        assertFn(p, M, 1, 0, 3, 3);
        assertEdge(p, X, M, 1, 0, 3, 3);
        assertFn(p, X, 1, 0, 7, 10);
        assertFn(p, COMPARE, 0, 0, 0, 0);
        assertEdge(p, X, COMPARE, 0, 0, 0, 0);
        assertEquals(0, p.depth());
    }

    @Test
    void aJdkMethodThatCallsBackKeepsItsEntryWithTheCallbackAsCallee() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_SORT, 1);
        target(p, M, 2);
        p.exit(M, 3);
        target(p, M, 4);
        p.exit(M, 6);
        p.exitBuiltin(K_SORT, 7);
        p.exit(X, 8);
        assertFn(p, SORT, 1, 0, 3, 6);
        assertEdge(p, X, SORT, 1, 0, 3, 6);
        assertFn(p, M, 2, 0, 3, 3);
        assertEdge(p, SORT, M, 2, 0, 3, 3);
        assertEdge(p, X, M, 0, 0, 0, 0);
    }

    @Test
    void recursionThroughTheInterfaceIsTheMethodsOwnNotABuiltins() {
        // X -> compare -> M -> compare -> M: Rhino's fake {method 'compare' ...} recursion
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_COMPARE, 1);
        target(p, M, 2);
        builtin(p, K_COMPARE, 3);
        target(p, M, 4);
        p.exit(M, 6);
        p.exitBuiltin(K_COMPARE, 7);
        p.exit(M, 9);
        p.exitBuiltin(K_COMPARE, 10);
        p.exit(X, 11);
        assertFn(p, M, 2, 1, 2 + 5, 7);
        assertEdge(p, X, M, 1, 0, 5, 7);
        assertEdge(p, M, M, 1, 0, 2, 2);
        assertFn(p, COMPARE, 0, 0, 0, 0);
        assertFn(p, X, 1, 0, 11 - 7, 11);
    }

    @Test
    void anExceptionOutOfTheTargetLeavesNoBuiltinCount() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_COMPARE, 1);
        target(p, M, 2);
        p.exit(M, 4);               // M's catch-all handler
        p.exitBuiltin(K_COMPARE, 5); // the call site's handler
        p.resume(X, 6);             // X's own handler: nothing left above X
        p.exit(X, 8);
        assertFn(p, M, 1, 0, 2, 2);
        assertFn(p, COMPARE, 0, 0, 0, 0);
        assertFn(p, X, 1, 0, 6, 8);
    }

    @Test
    void framesLeftAboveTheCallerAreUnwoundWithoutCountingTheBuiltin() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_COMPARE, 1);
        target(p, M, 2);            // M never exits itself (e.g. its constructor's super() threw)
        p.resume(X, 7);             // X's handler pops M and the built-in set aside
        p.exit(X, 9);
        assertFn(p, M, 1, 0, 5, 5);
        assertEdge(p, X, M, 1, 0, 5, 5);
        assertFn(p, COMPARE, 0, 0, 0, 0);
        assertFn(p, X, 1, 0, 4, 9);
    }

    @Test
    void aStaticBuiltinsKeyIsItsId() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, SORT, 1);
        p.exitBuiltin(SORT, 4);
        p.exit(X, 5);
        assertFn(p, SORT, 1, 0, 3, 3);
        assertEdge(p, X, SORT, 1, 0, 3, 3);
    }

    @Test
    void callsStillOpenThroughTheInterfaceCloseAsTheCallersCalls() {
        ThreadProfile p = new ThreadProfile(null);
        p.enter(X, 0);
        builtin(p, K_COMPARE, 1);
        target(p, M, 2);
        builtin(p, K_SORT, 3);      // a real built-in, open too
        List<OpenCalls.Closed> closed = OpenCalls.snapshot(p).close(10);
        assertEquals(List.of(new OpenCalls.Closed(SORT, M, 7, 7, false, false, 3),
                new OpenCalls.Closed(M, X, 1, 8, false, false, 2),
                new OpenCalls.Closed(X, -1, 2, 10, false, false, 0)), closed);
    }
}
