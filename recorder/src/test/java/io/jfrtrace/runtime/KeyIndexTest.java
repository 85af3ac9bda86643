package io.jfrtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** KeyIndex numbers keys densely in the order they come and finds each again, across its growth. */
class KeyIndexTest {
    @Test
    void keysAreNumberedInTheOrderTheyComeAndFoundAgainAfterGrowth() {
        KeyIndex index = new KeyIndex(4);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            long k = KeyIndex.key(random.nextInt(200) - 1, random.nextInt(200) - 2); // negative ids too
            Integer e = expected.get(k);
            int found = index.indexOf(k);
            if (e == null) {
                assertEquals(-1, found);
                assertEquals(expected.size(), index.add(k));
                expected.put(k, expected.size());
            } else {
                assertEquals(e, found);
            }
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((k, e) -> {
            assertEquals(e, index.indexOf(k));
            assertEquals(k, index.key(e));
        });
    }

    @Test
    void theKeyOfAPairKeepsBothHalves() {
        long k = KeyIndex.key(-1, -2);
        assertEquals(-1, (int) (k >>> 32));
        assertEquals(-2, (int) k);
    }
}
