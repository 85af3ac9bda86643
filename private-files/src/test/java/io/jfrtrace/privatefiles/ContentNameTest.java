package io.jfrtrace.privatefiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentNameTest {
    @Test
    void isSixteenHexDigitsOfBothChecksumsZeroPadded() {
        // CRC-32C("123456789") = e3069283, CRC-32("123456789") = cbf43926 (the checksums' published check values)
        assertEquals("e3069283cbf43926", ContentName.of("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("0000000000000000", ContentName.of(new byte[0]));
    }

    @Test
    void differsForContentThatDiffersInOneBit() {
        assertNotEquals(ContentName.of(new byte[] {0, 0, 0, 0}), ContentName.of(new byte[] {0, 0, 0, 1}));
    }
}
