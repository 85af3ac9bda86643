package io.jfrtrace.recorder.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recording's file name: {@code {pid}} under a plain -javaagent (one file per forked test JVM). */
class AgentOptionsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "output=target/lines-{pid}.jfr                | target/lines-4242.jfr",
        "output=a-{pid}-{pid}.jfr                     | a-4242-4242.jfr",
        "output=plain.jfr                             | plain.jfr",
        "quiet=true                                   | jfr-trace.jfr",
        // under jfr-trace record (parent set) the name is record's, taken as it is
        "output=x-{pid}.jfr,parent=99                 | x-{pid}.jfr",
    })
    void pidStandsForTheJvmsPidUnderAPlainJavaagent(String args, String file) throws Exception {
        assertEquals(file, AgentOptions.parse(args).outputFile(4242));
    }
}
