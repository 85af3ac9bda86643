package io.jfrtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The light shadow stack (NFRAME &gt; 1 without call profiling) and its per-frame context cache. */
class LightStackTest {
    static final int A = FunctionRegistry.register("t/A.java", 1, "A.a");
    static final int B = FunctionRegistry.register("t/B.java", 1, "B.b");
    static final int C = FunctionRegistry.register("t/C.java", 1, "C.c");
    static final int LOC = Tracebacks.location("t/C.java", 99);

    /** The traceback id the old per-allocation walk produced: {total, site, fid, line, ...}. */
    static int expected(int... raw) {
        return Tracebacks.internRaw(raw);
    }

    @Test
    void contextsFollowCallLinesAndTruncate() {
        AllocThread t = new AllocThread(Thread.currentThread(), 3);
        t.push(A);
        t.setLine(10);
        t.push(B);
        t.setLine(20);
        t.push(C);
        assertEquals(expected(3, LOC, B, 20, A, 10), t.topTraceback(LOC, 3));
        assertEquals(expected(3, LOC, B, 20, A, 10), t.topTraceback(LOC, 3)); // cached
        t.pop(C);
        t.setLine(21);
        t.push(C);
        assertEquals(expected(3, LOC, B, 21, A, 10), t.topTraceback(LOC, 3));
        AllocThread two = new AllocThread(null, 2);
        two.push(A);
        two.setLine(10);
        two.push(C);
        assertEquals(expected(2, LOC, A, 10), two.topTraceback(LOC, 2));
    }

    @Test
    void exceptionsPopTheFramesTheyLeft() {
        AllocThread t = new AllocThread(Thread.currentThread(), 4);
        t.push(A);
        t.setLine(10);
        t.push(B);
        t.setLine(20);
        t.push(C);
        t.setLine(30);
        t.push(A);
        t.resume(B); // a handler in B runs: C and A are gone
        assertEquals(2, t.depth);
        t.pop(A); // exit of a function whose frame is deeper: pops down to it
        assertEquals(0, t.depth);
        t.pop(C); // no open frame: ignored
        assertEquals(0, t.depth);
    }

    @Test
    void deepRecursionCountsEveryFrame() {
        AllocThread t = new AllocThread(Thread.currentThread(), 3);
        for (int i = 0; i < 200; i++) { // grows the stack past its initial 64 frames
            t.push(B);
            t.setLine(7);
        }
        t.push(C);
        assertEquals(expected(201, LOC, B, 7, B, 7), t.topTraceback(LOC, 3));
        for (int i = 0; i < 100; i++) {
            t.pop(C);
            t.pop(B);
            t.push(C);
        }
        assertEquals(expected(101, LOC, B, 7, B, 7), t.topTraceback(LOC, 3));
    }
}
