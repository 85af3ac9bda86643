package io.jfrtrace.analyzer.pstats.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The browser's {@code help_NAME} texts, as pstats.py's ProfileBrowser prints them. */
final class BrowserHelp {
    private BrowserHelp() {
    }

    private static final List<String> RESTRICTIONS = List.of(
            "Arguments may be:",
            "* An integer maximum number of entries to print.",
            "* A decimal fractional number between 0 and 1, controlling",
            "  what fraction of selected entries to print.",
            "* A regular expression; only entries with function names",
            "  that match it are printed.");

    static final Map<String, List<String>> TOPICS = Map.ofEntries(
            Map.entry("add", List.of("Add profile info from given file to current statistics object.")),
            Map.entry("callees", withRestrictions("Print callees statistics from the current stat object.")),
            Map.entry("callers", withRestrictions("Print callers statistics from the current stat object.")),
            Map.entry("EOF", List.of("Leave the profile browser.")),
            Map.entry("quit", List.of("Leave the profile browser.")),
            Map.entry("read", List.of("Read in profile data from a specified file.",
                    "Without argument, reload the current file.")),
            Map.entry("reverse", List.of("Reverse the sort order of the profiling report.")),
            Map.entry("sort", List.of("Sort profile data according to specified keys.",
                    "(Typing `sort' without arguments lists valid keys.)")),
            Map.entry("stats", withRestrictions("Print statistics from the current stat object.")),
            Map.entry("strip", List.of("Strip leading path information from filenames in the report.")),
            Map.entry("help", List.of("Show help for a given command.")));

    private static List<String> withRestrictions(String first) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        lines.addAll(RESTRICTIONS);
        return List.copyOf(lines);
    }
}
