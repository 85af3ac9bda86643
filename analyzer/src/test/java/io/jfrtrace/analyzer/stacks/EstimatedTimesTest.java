package io.jfrtrace.analyzer.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.jfrtrace.analyzer.pstats.FunctionKey;
import io.jfrtrace.analyzer.pstats.ProfileTable;
import io.jfrtrace.analyzer.pstats.ProfileTable.Counters;

/** {@code --timer count}'s times: exact counts, each sample's weight attributed to the profiled functions of its stack. */
class EstimatedTimesTest {
    // the profile's keys: the source file and the first line
    static final FunctionKey MAIN = new FunctionKey("com/example/App.java", 10, "App.main");
    static final FunctionKey FIB = new FunctionKey("com/example/App.java", 20, "App.fib");
    static final FunctionKey RUN = new FunctionKey("com/example/Util.kt", 3, "UtilKt.run");
    static final FunctionKey PUT_INT = new FunctionKey("com/example/App.java", 30, "App.put");
    static final FunctionKey PUT_LONG = new FunctionKey("com/example/App.java", 40, "App.put");

    // a sample's frames: the package's path and the class's name, and the line that was running
    static FunctionKey frame(String cls, String method, int line) {
        int dot = cls.lastIndexOf('.');
        String file = cls.substring(0, dot + 1).replace('.', '/') + cls.substring(dot + 1).split("\\$")[0] + ".java";
        return new FunctionKey(file, line, cls.substring(dot + 1) + "." + method);
    }

    static final FunctionKey S_MAIN = frame("com.example.App", "main", 12);
    static final FunctionKey S_FIB = frame("com.example.App", "fib", 21);
    static final FunctionKey S_SORT = frame("java.util.Arrays", "sort", 1234);
    static final FunctionKey S_AGENT = frame("io.jfrtrace.runtime.CallCounter", "enter", 30);
    static final FunctionKey S_THREAD = frame("java.lang.Thread", "run", 840);
    static final long MS = 10_000_000;

    private static ProfileTable counts() {
        return new ProfileTable()
                .addFunction(MAIN, 1, 0, 0, 0)
                .addFunction(FIB, 177, 175, 0, 0)
                .addFunction(RUN, 4, 0, 0, 0)
                .addCall(MAIN, FIB, 2, 0, 0, 0)
                .addCall(FIB, FIB, 175, 174, 0, 0)
                .addCall(MAIN, RUN, 4, 0, 0, 0);
    }

    @Test
    void countsStayExactAndTimesFollowTheProfiledFramesOfEachSample() {
        StackSamples samples = new StackSamples()
                .add(List.of(S_THREAD, S_MAIN, S_FIB, S_FIB, S_FIB), 3, 3 * MS) // recursion: fib's cumtime once per sample
                .add(List.of(S_MAIN, S_FIB, S_SORT), 2, 2 * MS)               // the JDK's time: its profiled caller's own
                .add(List.of(S_MAIN, S_FIB, S_AGENT), 1, MS)                  // the recorder's hook: its caller's too
                .add(List.of(S_MAIN), 4, 4 * MS)
                .add(List.of(S_THREAD, S_SORT), 5, 5 * MS);                   // no profiled frame: counts nowhere
        EstimatedTimes.Result r = EstimatedTimes.of(counts(), samples);
        assertEquals(10, r.samples());
        ProfileTable t = r.table();
        assertEquals(new Counters(1, 0, 4 * MS, 10 * MS), t.functions().get(MAIN));
        assertEquals(new Counters(177, 175, 6 * MS, 6 * MS), t.functions().get(FIB));
        assertEquals(new Counters(4, 0, 0, 0), t.functions().get(RUN), "called, never sampled: no time");
        assertEquals(new Counters(2, 0, 3 * MS, 6 * MS), t.calls().get(new ProfileTable.Edge(MAIN, FIB)));
        // fib -> fib: once per sample, its tottime where fib was innermost right above fib
        assertEquals(new Counters(175, 174, 3 * MS, 3 * MS), t.calls().get(new ProfileTable.Edge(FIB, FIB)));
        assertEquals(new Counters(4, 0, 0, 0), t.calls().get(new ProfileTable.Edge(MAIN, RUN)));
        assertEquals(List.of(MAIN, FIB, RUN), List.copyOf(t.functions().keySet()), "the profile's order");
        assertEquals(3, t.calls().size(), "no edge the counts do not have");
    }

    @Test
    void framesBetweenTwoProfiledOnesMakeThemCallerAndCallee() {
        // main -> Arrays.sort -> (a comparator's) fib: cProfile without built-ins has main -> fib
        StackSamples samples = new StackSamples().add(List.of(S_MAIN, S_SORT, S_FIB), 1, MS);
        ProfileTable t = EstimatedTimes.of(counts(), samples).table();
        assertEquals(new Counters(2, 0, MS, MS), t.calls().get(new ProfileTable.Edge(MAIN, FIB)));
    }

    @Test
    void aFrameMatchesByPackageAndFunctionNameWhateverTheSourceFileIsCalled() {
        ProfiledFrames frames = ProfiledFrames.of(counts().functions().keySet());
        assertEquals(RUN, frames.of(frame("com.example.UtilKt", "run", 5)));
        assertEquals(MAIN, frames.of(S_MAIN));
        assertNull(frames.of(frame("org.other.App", "main", 12)), "another package");
        assertNull(frames.of(S_SORT));
    }

    @Test
    void overloadsAreToldApartByTheSampledLine() {
        ProfiledFrames frames = ProfiledFrames.of(List.of(PUT_INT, PUT_LONG, MAIN));
        assertEquals(PUT_INT, frames.of(frame("com.example.App", "put", 31)));
        assertEquals(PUT_INT, frames.of(frame("com.example.App", "put", 30)));
        assertEquals(PUT_LONG, frames.of(frame("com.example.App", "put", 44)));
        assertEquals(PUT_INT, frames.of(frame("com.example.App", "put", 0)), "no line: the first overload");
    }

    @Test
    void builtInEntriesMatchNoFrame() {
        FunctionKey builtin = FunctionKey.builtin("<method 'sort' of 'java.util.Arrays' objects>");
        ProfiledFrames frames = ProfiledFrames.of(List.of(builtin));
        assertNull(frames.of(S_SORT));
    }

    @Test
    void noSamplesLeaveTheCountsWithNoTime() {
        EstimatedTimes.Result r = EstimatedTimes.of(counts(), new StackSamples());
        assertEquals(0, r.samples());
        assertEquals(new Counters(177, 175, 0, 0), r.table().functions().get(FIB));
    }
}
