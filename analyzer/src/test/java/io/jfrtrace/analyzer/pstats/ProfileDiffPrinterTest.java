package io.jfrtrace.analyzer.pstats;

import static io.jfrtrace.analyzer.pstats.ProfileDiffTest.NEW;
import static io.jfrtrace.analyzer.pstats.ProfileDiffTest.OLD;
import static io.jfrtrace.analyzer.pstats.ProfileDiffTest.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileDiffPrinterTest {
    static final String HEAD = """
               old: old.jfr
                     18 function calls in 1.750 seconds
               new: new.jfr
                     26 function calls in 2.625 seconds

            """;
    static final String TITLES = """
            -----------ncalls------------ --------------tottime-------------- --------------cumtime--------------
                  old       new      diff      old      new     diff        %      old      new     diff        % filename:lineno(function)
            """;

    static String print(ProfileDiff diff, Restriction... restrictions) {
        StringBuilder out = new StringBuilder();
        new ProfileDiffPrinter(diff).print(out, List.of(restrictions));
        return out.toString();
    }

    @Test
    void theTableInPrintStatsConventions() {
        assertEquals(HEAD + "   Ordered by: change of cumulative time\n\n" + TITLES + """
                        1         1        +0    0.250    0.250   +0.000    +0.0%    3.000    1.000   -2.000   -66.7% m.py:3(c)
                       10        20       +10    1.000    1.500   +0.500   +50.0%    4.000    5.000   +1.000   +25.0% m.py:1(a)
                        -         3        +3        -    0.750   +0.750      new        -    0.750   +0.750      new m.py:5(e)
                        5         -        -5    0.500        -   -0.500     gone    0.500        -   -0.500     gone m.py:2(b)
                        2         2        +0    0.000    0.125   +0.125    +inf%    0.000    0.125   +0.125    +inf% m.py:4(d)


                """, print(ProfileDiff.of(OLD, NEW)));
    }

    @Test
    void restrictionLinesFollowTheOrderAndAnEmptyListPrintsOnlyTheSides() {
        assertEquals(HEAD + """
                   Ordered by: change of call count
                   List reduced from 5 to 1 due to restriction <1>

                """ + TITLES + """
                       10        20       +10    1.000    1.500   +0.500   +50.0%    4.000    5.000   +1.000   +25.0% m.py:1(a)


                """, print(ProfileDiff.of(OLD, NEW).sort(DiffKey.parseArgs(List.of("callsdiff"))), Restriction.count(1)));
        assertEquals(HEAD, print(ProfileDiff.of(OLD, NEW), Restriction.regex("nothing like it")));
    }

    @Test
    void recursiveCallsAsPstatsPrintsThemAndSeveralFilesPerSide() {
        Stats old = stats("a.jfr", "f 436 30 0.5 2.0");
        old.add(stats("b.jfr", "g 1 1 0.0 0.0"));
        Stats now = stats("c.jfr", "f 536 40 0.5 1.0", "g 1 1 0.0 0.0");
        assertEquals("""
                   old: a.jfr, b.jfr
                         437 function calls (31 primitive calls) in 0.500 seconds
                   new: c.jfr
                         537 function calls (41 primitive calls) in 0.500 seconds

                   Ordered by: change of cumulative time

                """ + TITLES + """
                   436/30    536/40  +100/+10    0.500    0.500   +0.000    +0.0%    2.000    1.000   -1.000   -50.0% m.py:6(f)
                        1         1        +0    0.000    0.000   +0.000    +0.0%    0.000    0.000   +0.000    +0.0% m.py:7(g)


                """, print(ProfileDiff.of(old, now)));
    }

    @Test
    void aSampledSideSaysSamplesAsStatsDoesNotCalls() {
        Stats old = stats("old.jfr", "a 10 10 1.0 4.0").sampledAs(Sampling.samples(10, "jdk.ExecutionSample, 20 ms", "seconds"));
        Stats now = stats("new.jfr", "a 20 20 1.5 5.0");
        String printed = print(ProfileDiff.of(old, now));
        assertEquals("""
                   old: old.jfr
                         10 samples (jdk.ExecutionSample, 20 ms) in 1.000 seconds
                   new: new.jfr
                         20 function calls in 1.500 seconds

                """, printed.substring(0, printed.indexOf("   Ordered by")));
        // the same line as stats prints for the side alone
        StringBuilder alone = new StringBuilder();
        new StatsPrinter(old).printStats(alone, List.of());
        assertEquals(true, alone.toString().contains("\n         10 samples (jdk.ExecutionSample, 20 ms) in 1.000 seconds\n"),
                alone::toString);
    }
}
