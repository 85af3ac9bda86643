package io.jfrtrace.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * What the blackhole consumes is really made: a consumed new object is allocated even once the JIT has compiled the
 * loop (a comparison alone let C2 replace it by its fields and allocate nothing, and timeit timed less than the
 * statement).
 */
class BlackholeTest {
    @Test
    void aConsumedNewObjectIsAllocatedInCompiledCode() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Blackhole blackhole = new Blackhole();
        for (int i = 0; i < 20; i++) {
            loop(blackhole, 1_000_000); // warm: the loop is compiled by C2 long before the last rounds
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        loop(blackhole, 1_000_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 1M objects of at least 16 bytes each (header and a field)
        assertTrue(allocated >= 16_000_000L, "allocated " + allocated + " bytes for 1M consumed objects");
    }

    private static void loop(Blackhole blackhole, int n) {
        for (int i = 0; i < n; i++) {
            blackhole.consume(new int[] {i});
        }
    }
}
