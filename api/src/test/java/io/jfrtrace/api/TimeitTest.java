package io.jfrtrace.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

/**
 * {@link Timeit} with a scripted clock, as CPython's own {@code test_timeit} uses a fake timer: the clock advances
 * only when the statement runs, by a fixed step, so every timing is exact and no test depends on real time.
 */
class TimeitTest {
    /** A clock that each statement advances by {@code stepNanos}. */
    static final class ScriptedClock implements LongSupplier {
        final long stepNanos;
        long now = 42_000_000_000L;
        int statements;
        int setups;

        ScriptedClock(long stepNanos) {
            this.stepNanos = stepNanos;
        }

        @Override
        public long getAsLong() {
            return now;
        }

        Timeit.Timer timer() {
            return new Timeit.Timer(() -> {
                statements++;
                now += stepNanos;
                return statements;
            }, () -> setups++, this);
        }
    }

    record Trial(long number, double timeTaken) {
    }

    @Test
    void autorangeTriesOneTwoFiveTimesPowersOfTenUntilTwoTenthsOfASecond() throws Throwable {
        ScriptedClock clock = new ScriptedClock(1_000_000); // 1 ms per loop
        List<Trial> trials = new ArrayList<>();
        Timeit.Range range = clock.timer().autorange((n, t) -> trials.add(new Trial(n, t)));
        assertEquals(List.of(new Trial(1, 0.001), new Trial(2, 0.002), new Trial(5, 0.005), new Trial(10, 0.01),
                new Trial(20, 0.02), new Trial(50, 0.05), new Trial(100, 0.1), new Trial(200, 0.2)), trials);
        assertEquals(new Timeit.Range(200, 0.2), range);
        assertEquals(8, clock.setups, "one setup per trial");
        assertEquals(1 + 2 + 5 + 10 + 20 + 50 + 100 + 200, clock.statements);
    }

    @Test
    void autorangeStopsAtTheFirstTrialWhenOneLoopIsLongEnough() throws Throwable {
        ScriptedClock clock = new ScriptedClock(300_000_000); // 0.3 s
        assertEquals(new Timeit.Range(1, 0.3), clock.timer().autorange(null));
    }

    @Test
    void autorangeGoesOnPastAThousand() throws Throwable {
        ScriptedClock clock = new ScriptedClock(30_000); // 30 µs: 5000 loops are 0.15 s, 10000 are 0.3 s
        List<Long> numbers = new ArrayList<>();
        Timeit.Range range = clock.timer().autorange((n, t) -> numbers.add(n));
        assertEquals(List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L, 10000L), numbers);
        assertEquals(new Timeit.Range(10000, 0.3), range);
    }

    @Test
    void repeatTimesTheLoopRepeatTimesWithOneSetupEach() throws Throwable {
        ScriptedClock clock = new ScriptedClock(2_000_000);
        assertEquals(List.of(0.014, 0.014, 0.014), clock.timer().repeat(3, 7));
        assertEquals(3, clock.setups);
        assertEquals(21, clock.statements);
    }

    @Test
    void repeatOfZeroTimesNothingAndZeroLoopsTakeNoTime() throws Throwable {
        ScriptedClock clock = new ScriptedClock(2_000_000);
        assertEquals(List.of(), clock.timer().repeat(0, 7));
        assertEquals(0.0, clock.timer().timeit(0));
        assertEquals(0, clock.statements);
    }

    @Test
    void timingsAreTheClocksDifferenceDividedByAThousandMillion() throws Throwable {
        ScriptedClock clock = new ScriptedClock(1);
        assertEquals(3 / 1e9, clock.timer().timeit(3));
    }

    @Test
    void theInnerOfCompiledCodeIsTimedAsIs() throws Throwable {
        long[] seen = new long[1];
        Timeit.Timer timer = Timeit.ofInner((number, clock) -> {
            seen[0] = number;
            return number * 5;
        }, () -> 0);
        assertEquals(List.of(2.5e-8, 2.5e-8), timer.repeat(2, 5));
        assertEquals(5, seen[0]);
    }

    @Test
    void aStatementsExceptionReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        Timeit.Timer timer = new Timeit.Timer(Timeit.Statement.of(() -> {
            throw boom;
        }));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> timer.timeit(1)));
    }

    @Test
    void theStaticHelpersRunTheSetupAndTheStatement() throws Throwable {
        int[] counts = new int[2];
        double t = Timeit.timeit(() -> counts[0]++, () -> counts[1]++, 10);
        assertEquals(10, counts[0]);
        assertEquals(1, counts[1]);
        assertEquals(true, t >= 0);
        assertEquals(4, Timeit.repeat(() -> counts[0]++, () -> counts[1]++, 4, 3).size());
        assertEquals(22, counts[0]);
        assertEquals(5, counts[1]);
    }

    @Test
    void theBlackholeTakesEveryKindOfValue() {
        Blackhole b = new Blackhole();
        b.consume(1);
        b.consume(2L);
        b.consume(3.0);
        b.consume(4f);
        b.consume(true);
        b.consume((byte) 5);
        b.consume('c');
        b.consume("s");
        b.consume((Object) null);
    }
}
