package io.jfrtrace.analyzer.pstats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.jfrtrace.analyzer.python.PyStr;

/**
 * Two profiles compared function by function: every function of either side once (the new side's order, then the
 * functions that vanished in the old side's order), sorted by the largest change of cumulative time unless
 * {@link #sort} says otherwise, ties by printed name. Restrictions cut the sorted list as pstats' print_stats cuts
 * its own. The sides are pstats {@link Stats}, so anything that loads as Stats compares.
 */
public final class ProfileDiff {
    private static final Comparator<FunctionDiff> BY_NAME =
            (a, b) -> PyStr.compare(a.function().stdName(), b.function().stdName());

    private final Stats before;
    private final Stats after;
    private final Map<FunctionKey, FunctionDiff> functions;
    private List<FunctionDiff> order;
    private String sortType;

    private ProfileDiff(Stats before, Stats after) {
        this.before = Objects.requireNonNull(before);
        this.after = Objects.requireNonNull(after);
        Map<FunctionKey, FunctionDiff> all = new LinkedHashMap<>();
        after.stats().forEach((f, s) -> all.put(f, new FunctionDiff(f, before.stats().get(f), s)));
        before.stats().forEach((f, s) -> all.putIfAbsent(f, new FunctionDiff(f, s, null)));
        this.functions = Collections.unmodifiableMap(all);
        sort(List.of(DiffKey.CUMDIFF));
    }

    /** {@code before} is the old profile, {@code after} the new one. */
    public static ProfileDiff of(Stats before, Stats after) {
        return new ProfileDiff(before, after);
    }

    /** Sorts by the keys in turn (stable), then by printed name; no key means the default, {@code cumdiff}. */
    public ProfileDiff sort(List<DiffKey> keys) {
        List<DiffKey> used = keys.isEmpty() ? List.of(DiffKey.CUMDIFF) : keys;
        Comparator<FunctionDiff> cmp = null;
        List<String> descriptions = new ArrayList<>();
        for (DiffKey k : used) {
            cmp = cmp == null ? k.comparator() : cmp.thenComparing(k.comparator());
            descriptions.add(k.description());
        }
        List<FunctionDiff> list = new ArrayList<>(functions.values());
        list.sort(cmp.thenComparing(BY_NAME));
        order = list;
        sortType = String.join(", ", descriptions);
        return this;
    }

    /** pstats' reverse_order(): the sorted list backwards. */
    public ProfileDiff reverse() {
        Collections.reverse(order);
        return this;
    }

    /** The functions in sorted order. */
    public List<FunctionDiff> listing() {
        return Collections.unmodifiableList(order);
    }

    /**
     * The listing cut by each restriction in turn (pstats' eval_print_amount over the printed names); each cut that
     * shortened the list adds pstats' line to {@code messages}.
     */
    public List<FunctionDiff> printList(List<Restriction> restrictions, StringBuilder messages) {
        List<FunctionKey> keys = new ArrayList<>(order.size());
        for (FunctionDiff d : order) {
            keys.add(d.function());
        }
        for (Restriction r : restrictions) {
            keys = r.apply(keys, messages);
        }
        List<FunctionDiff> out = new ArrayList<>(keys.size());
        for (FunctionKey k : keys) {
            out.add(functions.get(k));
        }
        return out;
    }

    /** The "Ordered by" text of the current sort. */
    public String sortType() {
        return sortType;
    }

    public Stats before() {
        return before;
    }

    public Stats after() {
        return after;
    }

    /** How many functions the two sides hold together. */
    public int size() {
        return functions.size();
    }
}
