package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.cli.exit.ExitCodes;
import io.jfrtrace.cli.output.Format;
import io.jfrtrace.cli.output.Formats;

/**
 * Every bad option value and combination is a usage error (exit 2) in one line that names the command and the
 * problem, before any file is read; checked in this JVM (no jar, no program JVM: none of them gets that far).
 */
class OptionErrorsTest {
    static final Path SAMPLES = BadAnalyzerInputTest.SAMPLES;
    static final String FACTORIAL = SAMPLES.resolve("Factorial.jfr").toString();
    static final String LEAK = SAMPLES.resolve("Leak.jfr").toString();
    static final String DEADLOCK = SAMPLES.resolve("Deadlock.jfr").toString();

    /** BadInputIT's check, on a run in this JVM. */
    static void assertOneLineError(CommandLineRun run, int exitCode, String... fragments) {
        assertEquals(exitCode, run.exitCode(), run::toString);
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr:\n" + run);
        assertTrue(lines.get(0).startsWith("jfr-trace "), run::toString);
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), () -> "missing '" + f + "' in\n" + run);
        }
        assertFalse(run.stderr().contains("Exception"), run::toString);
        assertEquals("", run.stdout(), run::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // stats: sort keys (pstats' own rule and words), restrictions
            "stats $F -s speed                  | jfr-trace stats: unknown sort key 'speed'; valid keys: calls,",
            "stats $F -s cum                    | jfr-trace stats: unknown sort key 'cum'",
            "stats $F -s 1 -s calls             | jfr-trace stats: can't mix integer and string sort keys",
            "stats $F -s 1 -s 2                 | jfr-trace stats: only a single legacy integer sort key is allowed",
            "stats $F -s 7                      | jfr-trace stats: unknown legacy sort key 7",
            "stats $F -r (?x:a)                 | jfr-trace stats: --restrict: unsupported Python regular expression '(?x:a)'",
            "stats $F --callers --callees       | jfr-trace stats: Error: --callers, --callees are mutually exclusive",
            "stats $F --format xml              | jfr-trace stats: --format: unknown format 'xml' (text, csv, collapsed, html, lcov)",
            "stats $F --weight bytes            | jfr-trace stats: --weight: unknown weight 'bytes' (time, calls)",
            "stats $F --weight calls            | jfr-trace stats: --weight weighs the exact call paths of record --call-tree; it applies to --format collapsed and html",
            "compare $F $F --weight calls       | jfr-trace compare: --weight weighs the exact call paths of record --call-tree; it applies to --format html",
            "compare $L $L --alloc --weight calls | jfr-trace compare: --weight compares call profiles; leave out --alloc",
            "stats $F --profile heap            | jfr-trace stats: --profile: unknown profile 'heap' (calls, cpu, cpu-time, wall, alloc, lock, method-timing)",
            "stats $F --from soon               | jfr-trace stats: --from: 'soon' is neither seconds from the recording's start nor a clock time",
            "stats $F --to 25:00                | jfr-trace stats: --to: '25:00' is not a clock time",
            "stats $F --thread [ab              | jfr-trace stats: --thread:",
            // alloc and compare: key types, filters, limits, combinations
            "alloc $L --key Lineno              | jfr-trace alloc: --key: unknown key_type: 'Lineno'",
            "alloc $L --include com/[abc        | jfr-trace alloc: --include: invalid file name pattern 'com/[abc'",
            "alloc $L --exclude com/[abc:12     | jfr-trace alloc: --exclude: invalid file name pattern 'com/[abc'",
            "alloc $L --limit x                 | jfr-trace alloc: Invalid value for option '--limit': 'x' is not an int",
            "alloc $L --limit -1                | jfr-trace alloc: --limit must be at least 0, got -1",
            "alloc $L --pretty-top 0            | jfr-trace alloc: --pretty-top must be at least 1, got 0",
            "alloc $L --cumulative --traceback  | jfr-trace alloc: --cumulative: cumulative mode cannot be used with key type 'traceback'",
            "alloc $L --csv --format csv        | jfr-trace alloc: --csv writes the traces themselves as CSV; give it or --format, not both",
            "alloc $L --pretty-top 3 --format csv | jfr-trace alloc: --pretty-top prints display_top's text; leave out --format csv",
            "compare $L $L --key traceback --cumulative | jfr-trace compare: --cumulative: cumulative mode cannot be used",
            "compare $L $L --domain x            | jfr-trace compare: Invalid value for option '--domain'",
            // compare: call profiles or allocation snapshots, decided before any file is read
            "compare $F $F --calls --alloc       | jfr-trace compare: Error: --calls, --alloc are mutually exclusive",
            "compare $L $L --alloc -s cumdiff    | jfr-trace compare: --sort compares call profiles; leave out --alloc",
            "compare $F $F --calls --key filename | jfr-trace compare: --key compares allocation snapshots; leave out --calls",
            "compare $F $F -r 3 --limit 3        | jfr-trace compare: --restrict compares call profiles and --limit allocation snapshots: give options of one kind",
            "compare a.jfr,b.jfr $L --alloc      | jfr-trace compare: several files on a side (OLD1,OLD2) compare call profiles; leave out --alloc",
            "compare a.jfr,b.jfr $L --limit 2    | jfr-trace compare: several files on a side (OLD1,OLD2) compare call profiles and --limit allocation snapshots",
            "compare a.jfr,,b.jfr $F             | jfr-trace compare: OLD 'a.jfr,,b.jfr' has an empty file name",
            "compare $F $F -s speed              | jfr-trace compare: unknown sort key 'speed'; valid keys: cumdiff, totdiff, callsdiff, pcallsdiff, or pstats' calls,",
            "compare $F $F -s cum                | jfr-trace compare: unknown sort key 'cum'",
            // dumps and dump
            "dumps $D --reason bogus            | jfr-trace dumps: --reason: unknown dump reason 'bogus' (request, timeout, signal or fatal)",
            "dumps $D --limits some             | jfr-trace dumps: --limits: unknown limits 'some' (python or none)",
            "dump 1 --limits some              | jfr-trace dump: --limits: unknown limits 'some' (python or none)",
            "dump x                            | jfr-trace dump: Invalid value for positional parameter at index 0 (PID): 'x' is not a long",
            "attach --duration 0 1             | jfr-trace attach: --duration: the duration must be positive, got '0'",
            "attach --stop --duration 5s 1     | jfr-trace attach: --stop ends a recording: it takes neither --duration nor -o",
            // record: durations and signals are refused while parsing, before anything runs
            "record --watchdog 0 -cp x Main                | jfr-trace record: --watchdog: the duration must be positive, got '0'",
            "record --watchdog soon -cp x Main             | jfr-trace record: --watchdog: 'soon' is not a duration (examples: 5s, 500ms, 0.5s, 2m)",
            "record --snapshot-interval -5s -cp x Main     | jfr-trace record: --snapshot-interval: the duration must be positive, got '-5s'",
            "record --watchdog 9999999999999h -cp x Main   | jfr-trace record: --watchdog: '9999999999999h' is too long a duration",
            "record --dump-signal NOPE -cp x Main          | jfr-trace record: --dump-signal: unknown signal 'NOPE' (use USR1, HUP, WINCH, URG, CONT, TTIN, TTOU)",
            "record --snapshot-signal TERM -cp x Main      | jfr-trace record: --snapshot-signal: SIGTERM cannot be used: SIGTERM shuts the JVM down",
            "record --alloc-sample x -cp x Main            | jfr-trace record: Invalid value for option '--alloc-sample'",
            "record --timer fast -cp x Main                | jfr-trace record: --timer: unknown timer 'fast' (wall, cpu, count)",
            "attach --timer CPU 1                          | jfr-trace attach: --timer: unknown timer 'CPU' (wall, cpu, count)",
            "record --call-tree=0 -cp x Main               | jfr-trace record: --call-tree: the number of call paths must be at least 1, got '0'",
            "record --call-tree=many -cp x Main            | jfr-trace record: --call-tree: 'many' is not a number of call paths",
            "attach --call-tree=-3 1                       | jfr-trace attach: --call-tree: the number of call paths must be at least 1, got '-3'",
            // trace: python -m trace's own rules and words, checked before a program runs or a recording is read
            "trace --report                                | jfr-trace trace: --report needs the recordings to report from (FILE...)",
            "trace -m -- -cp x Main                        | jfr-trace trace: must specify one of --trace, --count, --report, --listfuncs, or --trackcalls",
            "trace -g -- -cp x Main                        | jfr-trace trace: must specify one of --trace, --count, --report, --listfuncs, or --trackcalls",
            "trace -t -l -- -cp x Main                     | jfr-trace trace: cannot specify both --listfuncs and (--trace or --count)",
            "trace --report $F -t                          | jfr-trace trace: --trace prints the lines while the program runs: it cannot be used with --report",
            "trace -l -s -- -cp x Main                     | jfr-trace trace: --summary can only be used with --count or --report",
            "trace -c --frobnicate -- -cp x Main           | jfr-trace trace: Unknown option: '--frobnicate' (see 'jfr-trace help trace')",
            "trace --report $F --frobnicate                | jfr-trace trace: Unknown option: '--frobnicate' (see",
            "trace --report $F --format lcov -l            | jfr-trace trace: --format lcov prints the line counts alone; -l, -T, -s and -C belong to the text report",
            "trace --report $F --format csv -C cov         | jfr-trace trace: --format csv prints the line counts alone",
            "trace --report $F --format html               | jfr-trace trace: --format html cannot print this report (formats that can: text, csv, lcov)",
            "trace --report $F --format xml                | jfr-trace trace: --format: unknown format 'xml' (text, csv, collapsed, html, lcov)",
    })
    void isAUsageErrorInOneLine(String commandLine, String start) {
        String[] args = commandLine.split(" ");
        for (int i = 0; i < args.length; i++) { // $F, $L, $D: the shipped Factorial, Leak and Deadlock recordings
            args[i] = switch (args[i]) {
                case "$F" -> FACTORIAL;
                case "$L" -> LEAK;
                case "$D" -> DEADLOCK;
                default -> args[i];
            };
        }
        CommandLineRun run = CommandLineRun.run(args);
        assertOneLineError(run, ExitCodes.USAGE);
        assertTrue(run.stderr().startsWith(start.strip()), () -> "expected '" + start.strip() + "...':\n" + run);
    }

    // Moved from FaultHandlerIT (badWatchdogAndSignalValuesAreUsageErrors): none of them starts a JVM.
    @Test
    void badWatchdogAndSignalValuesAreUsageErrors() {
        String cp = SAMPLES.resolve("classes").toString();
        assertOneLineError(CommandLineRun.run("record", "--watchdog", "0", "-cp", cp, "com.example.Deadlock"), ExitCodes.USAGE, "--watchdog");
        assertOneLineError(CommandLineRun.run("record", "--watchdog", "-1s", "-cp", cp, "com.example.Deadlock"), ExitCodes.USAGE, "--watchdog");
        assertOneLineError(CommandLineRun.run("record", "--watchdog", "soon", "-cp", cp, "com.example.Deadlock"), ExitCodes.USAGE, "--watchdog");
        assertOneLineError(CommandLineRun.run("record", "--dump-signal", "NOPE", "-cp", cp, "com.example.Deadlock"), ExitCodes.USAGE, "unknown signal");
        for (String sig : List.of("USR2", "SIGQUIT", "SEGV", "BUS", "ABRT", "ILL", "FPE", "KILL", "STOP")) {
            assertOneLineError(CommandLineRun.run("record", "--dump-signal", sig, "-cp", cp, "com.example.Deadlock"),
                    ExitCodes.USAGE, "cannot be used");
        }
    }

    // Moved from BadInputIT: refused while parsing, whatever the recording.
    @Test
    void anUnknownOptionIsAUsageError() {
        assertOneLineError(CommandLineRun.run("stats", "--frobnicate", FACTORIAL), ExitCodes.USAGE, "--frobnicate");
    }

    @Test
    void anUnknownSortKeyListsTheValidKeys() {
        assertOneLineError(CommandLineRun.run("stats", FACTORIAL, "-s", "speed"), ExitCodes.USAGE, "speed", "cumulative", "tottime");
    }

    @Test
    void anAmbiguousSortKeyIsRefusedLikePstats() {
        assertOneLineError(CommandLineRun.run("stats", FACTORIAL, "-s", "cum"), ExitCodes.USAGE, "cum");
    }

    @Test
    void theSortKeysInTheHelpAreSortKeysOwn() {
        CommandLineRun help = CommandLineRun.run("stats", "--help");
        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        String text = help.stdout().replaceAll("\\s+", " ");
        assertTrue(text.contains("Sort key, repeatable for tie-breaks: " + String.join(", ", SortKey.words()) + " ("), help::toString);
    }

    @Test
    void theFormatsInTheHelpAreTheFormatsThereAre() {
        for (String command : List.of("stats", "alloc", "compare", "dumps", "dump")) {
            CommandLineRun help = CommandLineRun.run(command, "--help");
            String formats = String.join(", ", Formats.ALL.stream().map(Format::name).toList());
            assertTrue(formats.startsWith("text, csv"), formats);
            assertTrue(help.stdout().replaceAll("\\s+", " ").contains("How to print the report: " + formats + " (default: text"),
                    help::toString);
        }
    }
}
