package io.jfrtrace.analyzer.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.pstats.ProfileTable.Counters;

class StackSamplesTest {
    static final FunctionKey MAIN = new FunctionKey("com/example/App.java", 0, "App.main");
    static final FunctionKey FIB = new FunctionKey("com/example/App.java", 0, "App.fib");
    static final FunctionKey LOG = new FunctionKey("java/lang/Math.java", 0, "Math.log");

    private static StackSamples samples() {
        return new StackSamples()
                .add(List.of(MAIN, FIB, FIB, FIB), 3, 30) // recursion: fib counts once per sample
                .add(List.of(MAIN, FIB, LOG), 1, 10)
                .add(List.of(MAIN), 2, 20)
                .add(List.of(MAIN, FIB, LOG), 1, 5); // the same stack again: merged
    }

    @Test
    void theSameStackAddsUpAndStacksKeepTheirFirstOrder() {
        StackSamples s = samples();
        assertEquals(3, s.size());
        assertEquals(7, s.samples());
        assertEquals(65, s.weight());
        StringBuilder out = new StringBuilder();
        s.forEach((stack, count, weight) -> out.append(stack.size()).append(':').append(count).append('/').append(weight)
                .append(' '));
        assertEquals("4:3/30 3:2/15 1:2/20 ", out.toString());
    }

    @Test
    void tottimeIsTheTopFrameCumtimeOncePerSampleEdgesOncePerSample() {
        ProfileTable t = SampledProfile.of(samples());
        assertEquals(new Counters(7, 0, 20, 65), t.functions().get(MAIN));
        assertEquals(new Counters(5, 0, 30, 45), t.functions().get(FIB));
        assertEquals(new Counters(2, 0, 15, 15), t.functions().get(LOG));
        assertEquals(new Counters(5, 0, 0, 45), t.calls().get(new ProfileTable.Edge(MAIN, FIB)));
        // fib -> fib: once per sample, and its own weight where fib was on top right above fib
        assertEquals(new Counters(3, 0, 30, 30), t.calls().get(new ProfileTable.Edge(FIB, FIB)));
        assertEquals(new Counters(2, 0, 15, 15), t.calls().get(new ProfileTable.Edge(FIB, LOG)));
        assertEquals(3, t.calls().size());
    }

    @Test
    void collapsedStacksAreRootFirstWithTheirWeightOrSamples() throws Exception {
        StringBuilder weights = new StringBuilder();
        CollapsedStacks.write(samples(), true, weights);
        assertEquals("com/example/App.main;com/example/App.fib;com/example/App.fib;com/example/App.fib 30\n"
                + "com/example/App.main;com/example/App.fib;java/lang/Math.log 15\n"
                + "com/example/App.main 20\n", weights.toString());
        StringBuilder counts = new StringBuilder();
        CollapsedStacks.write(samples().filter(stack -> stack.contains(LOG)), false, counts);
        assertEquals("com/example/App.main;com/example/App.fib;java/lang/Math.log 2\n", counts.toString());
    }

    @Test
    void mergeAddsTheOtherStacksAfterOurs() {
        StackSamples a = new StackSamples().add(List.of(MAIN), 1, 1);
        StackSamples b = new StackSamples().add(List.of(MAIN, LOG), 1, 2).add(List.of(MAIN), 1, 3);
        a.merge(b);
        StringBuilder out = new StringBuilder();
        a.forEach((stack, count, weight) -> out.append(stack.size()).append(':').append(count).append('/').append(weight)
                .append(' '));
        assertEquals("1:2/4 2:1/2 ", out.toString());
    }
}
