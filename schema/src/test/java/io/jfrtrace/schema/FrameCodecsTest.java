package io.jfrtrace.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FrameCodecsTest {
    record Frame(String file, int line, String function) {
    }

    record Location(String file, int line) {
    }

    @Test
    void stackFramesRoundTrip() {
        StringBuilder sb = new StringBuilder();
        StackFrames.append(sb, "com/example/Hang.java", 12, "Hang.lockBoth");
        StackFrames.append(sb, "libjvm.so", -2, "Unsafe_PutLong");
        StackFrames.append(sb, "Top.java", 3, null);
        assertEquals("com/example/Hang.java\t12\tHang.lockBoth\nlibjvm.so\t-1\tUnsafe_PutLong\nTop.java\t3\t???", sb.toString());
        assertEquals(List.of(new Frame("com/example/Hang.java", 12, "Hang.lockBoth"), new Frame("libjvm.so", -1, "Unsafe_PutLong"),
                new Frame("Top.java", 3, "???")), StackFrames.decode(sb.toString(), Frame::new));
        assertEquals(sb.toString(), StackFrames.join(List.of(StackFrames.frame("com/example/Hang.java", 12, "Hang.lockBoth"),
                StackFrames.frame("libjvm.so", -1, "Unsafe_PutLong"), StackFrames.frame("Top.java", 3, null))));
    }

    @Test
    void oddStackFrameLines() {
        assertEquals(List.of(new Frame("a/B.java", 3, "B.c"), new Frame("x", -1, null), new Frame("a/B.java", -1, "B.d\tstill")),
                StackFrames.decode("a/B.java\t3\tB.c\nx\n\na/B.java\t?\tB.d\tstill", Frame::new));
        assertEquals(List.of(), StackFrames.decode("", Frame::new));
        assertEquals(List.of(), StackFrames.decode(null, Frame::new));
    }

    @Test
    void allocationFramesRoundTripOldestFirst() {
        StringBuilder sb = new StringBuilder();
        AllocationFrames.append(sb, "com/example/Main.java", 7);
        AllocationFrames.append(sb, "C:\\odd:name.java", 12);
        assertEquals("com/example/Main.java:7;C:\\odd:name.java:12", sb.toString());
        assertEquals(List.of(new Location("com/example/Main.java", 7), new Location("C:\\odd:name.java", 12)),
                AllocationFrames.decode(sb.toString(), Location::new));
        assertEquals(List.of(new Location("nocolon", 0)), AllocationFrames.decode("nocolon", Location::new));
        assertEquals(List.of(), AllocationFrames.decode("", Location::new));
        assertThrows(IllegalArgumentException.class, () -> AllocationFrames.decode("a.java:x", Location::new));
    }
}
