package io.jfrtrace.schema.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DumpSignalsTest {
    @ParameterizedTest
    @ValueSource(strings = {"USR1", "SIGUSR1", "usr1", " sigusr1 "})
    void spellingsOfAUsableSignal(String name) {
        assertEquals("USR1", DumpSignals.check(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"USR2", "SIGQUIT", "SEGV", "BUS", "ABRT", "ILL", "FPE", "KILL", "STOP", "INT", "TERM"})
    void theJvmsOwnAreRefusedWithTheReason(String name) {
        String why = assertThrows(IllegalArgumentException.class, () -> DumpSignals.check(name)).getMessage();
        assertTrue(why.contains(" cannot be used: "), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOPE", "ALRM", "", "SIG"})
    void othersAreUnknown(String name) {
        String why = assertThrows(IllegalArgumentException.class, () -> DumpSignals.check(name)).getMessage();
        assertTrue(why.startsWith("unknown signal") || why.equals("no signal name given"), why);
    }
}
