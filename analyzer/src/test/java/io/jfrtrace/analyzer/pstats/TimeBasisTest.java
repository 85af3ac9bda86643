package io.jfrtrace.analyzer.pstats;

import static io.jfrtrace.analyzer.pstats.ProfileDiffTest.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

/** Times that are not wall time: pstats' totals line stays, and a line under it says what the times are. */
class TimeBasisTest {
    static final TimeBasis ESTIMATED = TimeBasis.estimated(421, "jdk.ExecutionSample, 10 ms");

    private static String printed(Stats s) {
        StringBuilder out = new StringBuilder();
        new StatsPrinter(s, TimeZone.getTimeZone("UTC")).printStats(out, List.of());
        return out.toString();
    }

    @Test
    void estimatedTimesAreSaidUnderPstatsOwnTotalsLine() {
        Stats wall = stats("a.jfr", "f 436 30 0.5 4.21", "g 12 12 3.71 3.71");
        Stats estimated = stats("a.jfr", "f 436 30 0.5 4.21", "g 12 12 3.71 3.71").timedBy(ESTIMATED);
        String plain = printed(wall);
        String said = printed(estimated);
        String totals = "         448 function calls (42 primitive calls) in 4.210 seconds\n";
        assertTrue(plain.contains(totals + "\n   Random"), plain);
        assertEquals(plain.replace(totals, totals + "         times estimated from 421 execution samples "
                + "(jdk.ExecutionSample, 10 ms)\n"), said);
    }

    @Test
    void threadCpuTimeNamesItsClock() {
        Stats cpu = stats("a.jfr", "f 1 1 0.5 0.5").timedBy(TimeBasis.threadCpuTime("clock_gettime(CLOCK_THREAD_CPUTIME_ID)"));
        assertTrue(printed(cpu).contains("""
                         1 function calls in 0.500 seconds
                         times are thread CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID))

                """), printed(cpu));
    }

    @Test
    void estimatesAddUpTheirSamplesAndTimesOfDifferentKindsDoNotAddUp() {
        Stats a = stats("a.jfr", "f 1 1 0.5 0.5").timedBy(ESTIMATED);
        a.add(stats("b.jfr", "f 2 2 0.5 0.5").timedBy(TimeBasis.estimated(79, "jdk.ExecutionSample, 20 ms")));
        assertEquals(TimeBasis.estimated(500, "jdk.ExecutionSample, 10 ms; jdk.ExecutionSample, 20 ms"), a.timeBasis());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stats("w.jfr", "f 1 1 0.5 0.5").add(stats("e.jfr", "f 1 1 0.5 0.5").timedBy(ESTIMATED)));
        assertEquals("profiles whose times measure different things do not add up (wall time and times estimated "
                + "from samples)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stats("c.jfr", "f 1 1 0.5 0.5")
                .timedBy(TimeBasis.threadCpuTime("x")).add(stats("e.jfr", "f 1 1 0.5 0.5").timedBy(ESTIMATED)));
    }

    /** A table has no header: what the totals lines say of numbers that are not exact calls in wall time, alone. */
    @Test
    void theCaveatsOfATableAreTheLinesThatQualifyItsNumbers() {
        assertEquals(List.of(), StatsPrinter.caveats(stats("w.jfr", "f 1 1 0.5 0.5")));
        assertEquals(List.of("times estimated from 421 execution samples (jdk.ExecutionSample, 10 ms)"),
                StatsPrinter.caveats(stats("e.jfr", "f 1 1 0.5 0.5").timedBy(ESTIMATED)));
        assertEquals(List.of("times are thread CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID))"), StatsPrinter.caveats(
                stats("c.jfr", "f 1 1 0.5 0.5").timedBy(TimeBasis.threadCpuTime("clock_gettime(CLOCK_THREAD_CPUTIME_ID)"))));
        assertEquals(List.of("12043 samples (jdk.ExecutionSample, 20 ms) in 0.500 seconds"), StatsPrinter.caveats(
                stats("s.jfr", "f 1 1 0.5 0.5").sampledAs(Sampling.samples(12043, "jdk.ExecutionSample, 20 ms", "seconds"))));
    }

    @Test
    void cProfilesPrintKeepsTheLine() {
        Stats estimated = stats("a.jfr", "f 3 3 0.5 0.5").timedBy(ESTIMATED);
        assertTrue(CProfilePrint.text(estimated, List.of()).startsWith("""
                         3 function calls in 0.500 seconds
                         times estimated from 421 execution samples (jdk.ExecutionSample, 10 ms)

                """), CProfilePrint.text(estimated, List.of()));
    }
}
