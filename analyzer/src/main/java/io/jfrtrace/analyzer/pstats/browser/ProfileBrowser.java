package io.jfrtrace.analyzer.pstats.browser;

import io.jfrtrace.analyzer.pstats.Restriction;
import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.analyzer.pstats.Stats;
import io.jfrtrace.analyzer.pstats.StatsPrinter;
import io.jfrtrace.analyzer.python.OsError;
import io.jfrtrace.analyzer.python.PyNumbers;
import io.jfrtrace.analyzer.python.PyRegex;
import io.jfrtrace.analyzer.python.PyStr;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Consumer;

/**
 * The statistics browser of {@code python -m pstats FILE...} (pstats.py's {@code ProfileBrowser}): its commands over
 * one {@link Stats}, each printing what CPython prints, on a line-oriented input and output (no terminal specifics).
 */
public final class ProfileBrowser {
    private static final String NOT_LOADED = "No statistics object is loaded.";

    /** What {@code generic} calls on the statistics. */
    private enum Report { STATS, CALLERS, CALLEES }

    private final StatsLoader loader;
    private final PrintWriter out;
    private final TimeZone zone;
    private Stats stats;
    private String prompt = "% ";

    ProfileBrowser(StatsLoader loader, PrintWriter out, TimeZone zone) {
        this.loader = Objects.requireNonNull(loader);
        this.out = Objects.requireNonNull(out);
        this.zone = Objects.requireNonNull(zone);
    }

    /**
     * pstats.py's {@code __main__}: reads the first file, adds the others (their errors printed before the welcome
     * line), then runs the command loop on {@code in} until {@code quit} or the end of the input.
     */
    public static void run(List<String> files, StatsLoader loader, LineSource in, PrintWriter out)
            throws IOException {
        ProfileBrowser browser = new ProfileBrowser(loader, out, TimeZone.getDefault());
        browser.start(files);
        browser.loop().run(in);
        browser.line("Goodbye.");
        out.flush();
    }

    void start(List<String> files) {
        if (!files.isEmpty()) {
            read(files.get(0));
        }
        for (String file : files.subList(Math.min(1, files.size()), files.size())) {
            add(file);
        }
        line("Welcome to the profile statistics browser.");
    }

    CommandLoop loop() {
        Map<String, CommandLoop.Action> actions = new HashMap<>();
        actions.put("add", arg -> done(() -> add(arg)));
        actions.put("callees", arg -> done(() -> generic(arg, Report.CALLEES)));
        actions.put("callers", arg -> done(() -> generic(arg, Report.CALLERS)));
        actions.put("EOF", arg -> {
            line("");
            return true;
        });
        actions.put("quit", arg -> true);
        actions.put("read", arg -> done(() -> read(arg)));
        actions.put("reverse", arg -> done(() -> loaded(Stats::reverseOrder)));
        actions.put("sort", arg -> done(() -> sort(arg)));
        actions.put("stats", arg -> done(() -> generic(arg, Report.STATS)));
        actions.put("strip", arg -> done(() -> loaded(Stats::stripDirs)));
        return new CommandLoop(actions, BrowserHelp.TOPICS, () -> prompt, out);
    }

    private static boolean done(Runnable command) {
        command.run();
        return false;
    }

    private void line(String text) {
        out.print(text + "\n");
    }

    /** {@code pstats.Stats(name)}: Python's open() errors first, then the loader. */
    private Stats open(String name) throws Exception {
        OsError.checkReadable(name);
        return loader.load(Path.of(name), name);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** {@code do_read}: a new statistics object (and prompt); no name reloads the current file. */
    private void read(String name) {
        if (!name.isEmpty()) {
            try {
                stats = open(name);
            } catch (OsError e) {
                line(e.strerror());
                return;
            } catch (Exception e) {
                line(message(e));
                return;
            }
            prompt = name + "% ";
        } else if (prompt.length() > 2) {
            read(prompt.substring(0, prompt.length() - 2));
        } else {
            line("No statistics object is current -- cannot reload.");
        }
    }

    /** {@code do_add}: merges a file into the statistics ({@code Stats.add}). */
    private void add(String name) {
        if (stats == null) {
            line(NOT_LOADED);
            return;
        }
        Stats other;
        try {
            other = open(name);
        } catch (OsError e) {
            line("Failed to load statistics for " + name + ": " + e.pyStr());
            return;
        } catch (Exception e) { // CPython stops with a traceback here; we say why and go on
            line("Failed to load statistics for " + name + ": " + message(e));
            return;
        }
        try {
            stats.add(other);
        } catch (IllegalArgumentException e) { // a sampled profile and exact calls
            line("Cannot add " + name + ": " + e.getMessage());
        }
    }

    private void loaded(Consumer<Stats> command) {
        if (stats == null) {
            line(NOT_LOADED);
        } else {
            command.accept(stats);
        }
    }

    /** {@code do_sort}: sorts by the words if all are valid keys, else lists the valid keys. */
    private void sort(String arg) {
        if (stats == null) {
            line(NOT_LOADED);
            return;
        }
        List<String> words = PyStr.split(arg);
        if (!words.isEmpty() && SortKey.acceptedStrings().keySet().containsAll(words)) {
            stats.sortStats(words.stream().map(SortKey::lookup).toList());
            return;
        }
        line("Valid sort keys (unique prefixes are accepted):");
        for (String word : SortKey.words()) {
            line(word + " -- " + SortKey.lookup(word).description());
        }
    }

    /**
     * {@code generic}: each word an int (a count), else a float (a fraction, refused outside [0, 1]), else a regular
     * expression, then the report with those restrictions.
     */
    private void generic(String arg, Report report) {
        List<Restriction> restrictions = new ArrayList<>();
        try {
            for (String term : PyStr.split(arg)) {
                BigInteger count = PyNumbers.parseInt(term);
                Double fraction = count == null ? PyNumbers.parseFloat(term) : null;
                if (count != null) {
                    restrictions.add(Restriction.count(count));
                } else if (fraction == null) {
                    restrictions.add(Restriction.regex(term));
                } else if (fraction > 1 || fraction < 0) {
                    line("Fraction argument must be in [0, 1]");
                } else {
                    restrictions.add(Restriction.fraction(fraction)); // NaN too: print_stats ignores it
                }
            }
        } catch (PyRegex.UnsupportedRegexException e) { // valid in Python, but beyond what Java's regex can say
            line(e.getMessage());
            return;
        }
        if (stats == null) {
            line(NOT_LOADED);
            return;
        }
        StatsPrinter printer = new StatsPrinter(stats, zone);
        switch (report) {
            case STATS -> printer.printStats(out, restrictions);
            case CALLERS -> printer.printCallers(out, restrictions);
            case CALLEES -> printer.printCallees(out, restrictions);
        }
    }
}
