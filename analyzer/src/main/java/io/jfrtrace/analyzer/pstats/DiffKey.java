package io.jfrtrace.analyzer.pstats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.jfrtrace.analyzer.python.PyStr;

/**
 * A sort key of a {@link ProfileDiff}: a change (largest absolute change first) or one of pstats' own keys applied to
 * the new side (a vanished function counts as zero there). The change keys are whole words only, so pstats' keys keep
 * exactly the abbreviations pstats accepts ({@code cu} stays {@code cumulative}).
 */
public record DiffKey(String word, String description, Comparator<FunctionDiff> comparator) {
    /** The change keys, in the order the help lists them. */
    public static final List<DiffKey> CHANGES = List.of(
            change("cumdiff", "change of cumulative time", FunctionDiff::cumtimeDiff),
            change("totdiff", "change of internal time", FunctionDiff::tottimeDiff),
            change("callsdiff", "change of call count", d -> (double) d.callsDiff()),
            change("pcallsdiff", "change of primitive call count", d -> (double) d.primitiveCallsDiff()));

    /** The default: the largest change of cumulative time first. */
    public static final DiffKey CUMDIFF = CHANGES.get(0);

    private interface Change {
        double of(FunctionDiff d);
    }

    private static DiffKey change(String word, String description, Change change) {
        // descending by absolute value; Double.compare is fine: differences of finite values are never NaN
        return new DiffKey(word, description, (a, b) -> Double.compare(Math.abs(change.of(b)), Math.abs(change.of(a))));
    }

    /** pstats' key {@code k} on the new side. */
    static DiffKey newSide(SortKey k) {
        Comparator<Map.Entry<FunctionKey, FunctionStats>> pstats = k.comparator();
        return new DiffKey(k.name().toLowerCase(java.util.Locale.ROOT), k.description() + " (new)",
                (a, b) -> pstats.compare(Map.entry(a.function(), a.newStats()), Map.entry(b.function(), b.newStats())));
    }

    /** A key word: a change key (whole word), else pstats' sort_stats word or unambiguous prefix. */
    public static DiffKey lookup(String word) {
        for (DiffKey k : CHANGES) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        try {
            return newSide(SortKey.lookup(word));
        } catch (SortKeyException e) {
            throw new SortKeyException("unknown sort key " + PyStr.repr(word) + "; " + validKeysText());
        }
    }

    public static List<DiffKey> parseArgs(List<String> words) {
        List<DiffKey> out = new ArrayList<>();
        for (String w : words) {
            out.add(lookup(w));
        }
        return out;
    }

    public static List<String> changeWords() {
        return CHANGES.stream().map(DiffKey::word).toList();
    }

    public static String validKeysText() {
        return "valid keys: " + String.join(", ", changeWords()) + ", or pstats' " + String.join(", ", SortKey.words())
                + " (or an unambiguous prefix of one) for the new side";
    }
}
