package io.jfrtrace.cli.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page's number encoding; expected texts from an independent encoder (python3). */
class Base32NumbersTest {
    @ParameterizedTest
    @CsvSource({"0,0", "31,V", "32,X0", "33,X1", "1023,_V", "1024,XW0", "9223372036854775807,d___________V"})
    void digits(long n, String text) throws IOException {
        StringBuilder out = new StringBuilder();
        Base32Numbers.append(n, out);
        assertEquals(text, out.toString());
    }
}
