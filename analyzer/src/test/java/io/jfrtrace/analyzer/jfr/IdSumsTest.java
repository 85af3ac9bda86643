package io.jfrtrace.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sums per id without an object per event: in first-seen order, or by each id's earliest event time. */
class IdSumsTest {
    @Test
    void sumsPerIdInTheOrderFirstSeenAcrossGrowth() {
        IdSums sums = new IdSums();
        for (int round = 0; round < 3; round++) {
            for (long id = 5000; id > 0; id--) { // thousands of ids: the table grows several times
                sums.add(id * 7, id);
            }
        }
        List<long[]> seen = new ArrayList<>();
        sums.forEach((id, samples, weight) -> seen.add(new long[] {id, samples, weight}));
        assertEquals(5000, seen.size());
        assertEquals(List.of(35000L, 3L, 15000L), List.of(seen.get(0)[0], seen.get(0)[1], seen.get(0)[2]));
        assertEquals(List.of(7L, 3L, 3L), List.of(seen.get(4999)[0], seen.get(4999)[1], seen.get(4999)[2]));
    }

    @Test
    void timedSumsListIdsByTheirEarliestEventThenByFirstSeen() {
        IdSums sums = IdSums.timed();
        sums.add(1, 10, 300);
        sums.add(2, 20, 200);
        sums.add(3, 30, 200); // the same earliest time as 2, seen after it
        sums.add(1, 10, 100); // 1's earliest event came later in the file
        for (long id = 100; id < 2100; id++) { // grow, keeping the times
            sums.add(id, 1, 1000 + id);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        sums.forEachByFirstTime((id, samples, weight) -> {
            ids.add(id);
            weights.add(weight);
        });
        assertEquals(List.of(1L, 2L, 3L, 100L, 101L), ids.subList(0, 5));
        assertEquals(List.of(20L, 20L, 30L, 1L), weights.subList(0, 4));
        assertEquals(2003, ids.size());
        assertEquals(2099L, ids.get(2002));
    }
}
