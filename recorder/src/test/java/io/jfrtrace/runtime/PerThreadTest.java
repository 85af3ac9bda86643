package io.jfrtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The hooks' per-thread state: each thread always gets its own, also when its slot is another live thread's. */
class PerThreadTest {
    private static PerThread<Object[]> table() {
        return new PerThread<Object[]>() {
            @Override
            protected Object[] make(Thread owner) {
                return new Object[] {owner};
            }
        };
    }

    @Test
    void aThreadGetsItsOwnStateEveryTime() {
        PerThread<Object[]> t = table();
        Object[] mine = t.get();
        assertSame(Thread.currentThread(), mine[0]);
        assertSame(mine, t.get());
    }

    /** A thread's id picks its slot: one whose id falls on a live thread's slot is served by the ThreadLocal. */
    @Test
    void aThreadWhoseSlotAnotherLiveThreadHoldsGetsItsOwnState() throws Exception {
        PerThread<Object[]> t = table();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            t.get();
            holding.countDown();
            await(done);
        });
        first.start();
        holding.await();
        AtomicReference<Object[]> seen = new AtomicReference<>();
        Thread second = null;
        for (int i = 0; i < 10_000 && second == null; i++) { // ids are handed out as threads are made
            Thread candidate = new Thread(() -> seen.set(t.get()));
            if (((candidate.getId() ^ first.getId()) & 4095) == 0) {
                second = candidate;
            }
        }
        assertNotNull(second, "no thread id on the first one's slot");
        second.start();
        second.join();
        assertSame(second, seen.get()[0]); // its own state, not the slot holder's
        done.countDown();
        first.join();
    }

    /**
     * Once a dead thread's state is removed, its slot serves the next thread that falls on it: that thread's second
     * call is found in the slot, not by the ThreadLocal behind it (whose calls are counted as misses).
     */
    @Test
    void aRemovedStateFreesItsSlot() throws Exception {
        PerThread<Object[]> t = table();
        AtomicReference<Object[]> firstState = new AtomicReference<>();
        Thread first = new Thread(() -> firstState.set(t.get()));
        first.start();
        first.join();
        t.remove(firstState.get());
        AtomicReference<Object[]> seen = new AtomicReference<>();
        AtomicInteger missesOfSecondCall = new AtomicInteger(-1);
        Thread second = null;
        for (int i = 0; i < 10_000 && second == null; i++) {
            Thread candidate = new Thread(() -> {
                t.get(); // takes the freed slot
                int before = t.misses;
                seen.set(t.get()); // and is found there
                missesOfSecondCall.set(t.misses - before);
            });
            if (((candidate.getId() ^ first.getId()) & 4095) == 0) {
                second = candidate;
            }
        }
        assertNotNull(second, "no thread id on the first one's slot");
        second.start();
        second.join();
        assertSame(second, seen.get()[0]);
        assertEquals(0, missesOfSecondCall.get(), "the second call went to the ThreadLocal: the slot was not freed");
    }

    /** The flusher's view: every state made, live and dead threads', until removed. */
    @Test
    void everyStateMadeIsListedUntilRemoved() throws Exception {
        PerThread<Object[]> t = table();
        Object[] mine = t.get();
        AtomicReference<Object[]> theirs = new AtomicReference<>();
        Thread other = new Thread(() -> theirs.set(t.get()));
        other.start();
        other.join();
        assertEquals(List.of(List.of(mine), List.of(theirs.get())), contents(t.all()));
        t.remove(theirs.get());
        assertEquals(List.of(List.of(mine)), contents(t.all()));
        assertSame(mine, t.get());
        assertEquals(List.of(List.of(mine)), contents(t.all()), "a thread's later calls make nothing new");
    }

    private static List<List<Object>> contents(List<Object[]> states) {
        return states.stream().map(List::of).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
