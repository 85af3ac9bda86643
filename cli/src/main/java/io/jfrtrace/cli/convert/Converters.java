package io.jfrtrace.cli.convert;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.Reason;
import io.jfrtrace.analyzer.pstats.Restriction;
import io.jfrtrace.analyzer.timeit.TimeitUnit;
import io.jfrtrace.analyzer.tracemalloc.KeyType;
import io.jfrtrace.cli.record.Durations;
import io.jfrtrace.cli.record.Signals;
import io.jfrtrace.schema.TimerMode;
import io.jfrtrace.schema.agent.DumpSignals;
import picocli.CommandLine.ITypeConverter;

/**
 * The picocli converters of option values, one per value type, named on each option that takes one
 * ({@code @Option(converter = ...)}), so a subcommand carries its converters however it is loaded. Each parses with
 * the model's own rule; what it refuses (an IllegalArgumentException in the model's words) becomes a usage error
 * naming the option in Main's parameter-exception handler.
 */
public final class Converters {
    private Converters() {
    }

    /** {@code stats --restrict}: pstats' int, float or regular expression. */
    public static final class Restrictions implements ITypeConverter<Restriction> {
        @Override
        public Restriction convert(String value) {
            return Restriction.parse(value);
        }
    }

    /** {@code timeit -u}: timeit's units, in its words when it refuses one. */
    public static final class TimeitUnits implements ITypeConverter<TimeitUnit> {
        @Override
        public TimeitUnit convert(String value) {
            return TimeitUnit.parse(value);
        }
    }

    /** timeit's unit words, for shell completion. */
    public static final class TimeitUnitWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(TimeitUnit.values()).map(TimeitUnit::word).iterator();
        }
    }

    /** {@code record/attach --timer}: what the call profile's times measure. */
    public static final class Timers implements ITypeConverter<TimerMode> {
        @Override
        public TimerMode convert(String value) {
            TimerMode mode = TimerMode.named(value);
            if (mode == null) {
                throw new IllegalArgumentException("unknown timer '" + value + "' (" + String.join(", ", new TimerWords()) + ")");
            }
            return mode;
        }
    }

    /** The timers' words, for shell completion and messages. */
    public static final class TimerWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(TimerMode.values()).map(TimerMode::word).iterator();
        }
    }

    /** {@code alloc/compare --key}: tracemalloc's key_type. */
    public static final class KeyTypes implements ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            return KeyType.parse(value);
        }
    }

    /** {@code alloc/compare --include/--exclude}: {@code PATTERN[:LINE]}. */
    public static final class FilterPatterns implements ITypeConverter<FilterPattern> {
        @Override
        public FilterPattern convert(String value) {
            return FilterPattern.parse(value);
        }
    }

    /** {@code dumps --reason}. */
    public static final class Reasons implements ITypeConverter<Reason> {
        @Override
        public Reason convert(String value) {
            return Reason.parse(value);
        }
    }

    /** {@code dumps/dump --limits}: python or none. */
    public static final class Limits implements ITypeConverter<DumpPrinter.Limits> {
        @Override
        public DumpPrinter.Limits convert(String value) {
            return DumpPrinter.Limits.parse(value);
        }
    }

    /** {@code dumps --thread}: an fnmatch pattern. */
    public static final class Globs implements ITypeConverter<Glob> {
        @Override
        public Glob convert(String value) {
            return Glob.of(value);
        }
    }

    /** {@code record --watchdog}, {@code --snapshot-interval}: a positive duration ({@link Durations}). */
    public static final class PositiveDurations implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.of(Durations.positiveMicros(value), ChronoUnit.MICROS);
        }
    }

    /** {@code record --dump-signal}, {@code --snapshot-signal}: the canonical name of a signal the recorder may use. */
    public static final class UsableSignals implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return Signals.usable(value);
        }
    }

    /** The signal names {@link UsableSignals} takes, for shell completion. */
    public static final class SignalNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DumpSignals.USABLE.iterator();
        }
    }
}
