package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyNumbers;
import io.jfrtrace.analyzer.python.PyStr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sort keys of {@code pstats.Stats.sort_stats}, with pstats' abbreviation rules and legacy integers.
 * Each canonical key compares one or more fields of a function's statistics.
 */
public enum SortKey {
    CALLS("call count"),
    CUMULATIVE("cumulative time"),
    FILENAME("file name"),
    LINE("line number"),
    NAME("function name"),
    NFL("name/file/line"),
    PCALLS("primitive call count"),
    STDNAME("standard name"),
    TIME("internal time");

    private final String description;

    SortKey(String description) {
        this.description = description;
    }

    /** The "Ordered by" text of this key. */
    public String description() {
        return description;
    }

    /** The key strings of pstats' {@code sort_arg_dict_default}, in its order. */
    private static final Map<String, SortKey> WORDS = new LinkedHashMap<>();
    /** Every accepted string (unique prefixes included). */
    private static final Map<String, SortKey> ACCEPTED;

    static {
        WORDS.put("calls", CALLS);
        WORDS.put("ncalls", CALLS);
        WORDS.put("cumtime", CUMULATIVE);
        WORDS.put("cumulative", CUMULATIVE);
        WORDS.put("filename", FILENAME);
        WORDS.put("line", LINE);
        WORDS.put("module", FILENAME);
        WORDS.put("name", NAME);
        WORDS.put("nfl", NFL);
        WORDS.put("pcalls", PCALLS);
        WORDS.put("stdname", STDNAME);
        WORDS.put("time", TIME);
        WORDS.put("tottime", TIME);
        // get_sort_arg_defs: walk each word's prefixes (longest first); a prefix already present is "bad" and stops
        // the walk; every bad prefix is removed at the end.
        Map<String, SortKey> dict = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, SortKey> e : WORDS.entrySet()) {
            String fragment = e.getKey();
            while (!fragment.isEmpty()) {
                if (dict.containsKey(fragment)) {
                    bad.add(fragment);
                    break;
                }
                dict.put(fragment, e.getValue());
                fragment = fragment.substring(0, fragment.length() - 1);
            }
        }
        for (String b : bad) dict.remove(b);
        ACCEPTED = Collections.unmodifiableMap(dict);
    }

    /** Looks up a sort key string exactly as pstats does (full names and unique prefixes). */
    public static SortKey lookup(String word) {
        SortKey k = ACCEPTED.get(word);
        if (k == null) throw new SortKeyException("unknown sort key " + PyStr.repr(word) + "; " + validKeysText());
        return k;
    }

    /** The legacy integer form of {@code sort_stats(n)}: -1 stdname, 0 calls, 1 time, 2 cumulative. */
    public static SortKey legacy(long n) {
        if (n == -1) return STDNAME;
        if (n == 0) return CALLS;
        if (n == 1) return TIME;
        if (n == 2) return CUMULATIVE;
        throw new SortKeyException("unknown legacy sort key " + n + "; " + validKeysText());
    }

    /**
     * Parses command-line sort arguments like {@code sort_stats(*args)} where an argument that is an integer
     * (per Python's {@code int()}) is passed as an int: a single int is a legacy key, several ints or a mix of ints
     * and strings are rejected. An empty list means "no sort" (random listing order).
     */
    public static List<SortKey> parseArgs(List<String> args) {
        List<SortKey> out = new ArrayList<>();
        if (args.isEmpty()) return out;
        int ints = 0;
        for (String a : args) if (PyNumbers.parseInt(a) != null) ints++;
        if (ints > 0 && ints < args.size()) {
            throw new SortKeyException("can't mix integer and string sort keys; " + validKeysText());
        }
        if (ints > 0) {
            if (args.size() > 1) {
                throw new SortKeyException("only a single legacy integer sort key is allowed; " + validKeysText());
            }
            java.math.BigInteger n = PyNumbers.parseInt(args.get(0));
            if (n.bitLength() > 62) throw new SortKeyException("unknown legacy sort key " + n + "; " + validKeysText());
            out.add(legacy(n.longValue()));
            return out;
        }
        for (String a : args) out.add(lookup(a));
        return out;
    }

    /** One line describing the valid keys (for error messages). */
    public static String validKeysText() {
        return "valid keys: " + String.join(", ", WORDS.keySet())
                + " (or an unambiguous prefix of one), or a single legacy integer -1 (stdname), 0 (calls),"
                + " 1 (time), 2 (cumulative)";
    }

    /** The key words of pstats' {@code sort_arg_dict_default}, in its order (for help texts). */
    public static Set<String> words() {
        return Collections.unmodifiableSet(WORDS.keySet());
    }

    /** All accepted strings, for documentation and tests. */
    public static Map<String, SortKey> acceptedStrings() {
        return ACCEPTED;
    }

    /** The comparison of this key (ascending/descending as pstats). */
    Comparator<Map.Entry<FunctionKey, FunctionStats>> comparator() {
        switch (this) {
            case CALLS: return (a, b) -> Long.compare(b.getValue().nc(), a.getValue().nc());
            case PCALLS: return (a, b) -> Long.compare(b.getValue().cc(), a.getValue().cc());
            case TIME: return (a, b) -> pyCompare(b.getValue().tt(), a.getValue().tt());
            case CUMULATIVE: return (a, b) -> pyCompare(b.getValue().ct(), a.getValue().ct());
            case FILENAME: return (a, b) -> PyStr.compare(a.getKey().file(), b.getKey().file());
            case LINE: return (a, b) -> Integer.compare(a.getKey().line(), b.getKey().line());
            case NAME: return (a, b) -> PyStr.compare(a.getKey().name(), b.getKey().name());
            case NFL: return NAME.comparator().thenComparing(FILENAME.comparator()).thenComparing(LINE.comparator());
            case STDNAME: return (a, b) -> PyStr.compare(a.getKey().stdName(), b.getKey().stdName());
            default: throw new AssertionError(this);
        }
    }

    /** Python's {@code <}/{@code >} comparison of floats: -0.0 equals 0.0; NaN is "equal" to everything. */
    private static int pyCompare(double l, double r) {
        if (l < r) return -1;
        if (l > r) return 1;
        return 0;
    }
}
