package io.jfrtrace.schema.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.jfrtrace.schema.agent.AgentArguments.Pair;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    @Test
    void whatRecordWritesTheAgentReadsBack() {
        // a space once came back as '+': record encoded it so, and the agent reads '+' as itself
        String options = new AgentArguments().add(AgentKeys.OUTPUT, "/home/me/my dir/a+b,c=d%.jfr")
                .addAll(AgentKeys.INCLUDE, List.of("com.example.*", "ü")).toString();
        assertEquals(List.of(new Pair("output", "/home/me/my dir/a+b,c=d%.jfr"), new Pair("include", "com.example.*"),
                new Pair("include", "ü")), AgentArguments.parse(options));
    }

    @Test
    void aPairAddedIsFoundByItsDecodedValueAndNoOtherIs() {
        AgentArguments a = new AgentArguments().add(AgentKeys.TIMER, "count").add(AgentKeys.OUTPUT, "my dir/a+b,c.jfr");
        assertTrue(a.has(AgentKeys.TIMER, "count"));
        assertTrue(a.has(AgentKeys.OUTPUT, "my dir/a+b,c.jfr"));
        assertFalse(a.has(AgentKeys.TIMER, "wall"));
        assertFalse(a.has(AgentKeys.OUTPUT, "my"));
        assertFalse(new AgentArguments().add(AgentKeys.TIMER, "count,x").has(AgentKeys.TIMER, "count"));
    }

    @Test
    void handWrittenStrings() {
        assertEquals(List.of(new Pair("output", "a+b.jfr"), new Pair("quiet", null), new Pair("alloc", "")),
                AgentArguments.parse("output=a+b.jfr,,quiet,alloc="));
        assertEquals(List.of(), AgentArguments.parse(""));
        assertEquals("bad percent-encoding in '%zz'",
                assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse("output=%zz")).getMessage());
    }
}
