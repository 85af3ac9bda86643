package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyCode;
import io.jfrtrace.analyzer.python.MarshalReader;
import io.jfrtrace.analyzer.python.PyStr;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of {@code pstats.Stats}' data model: an insertion-ordered map of function statistics plus the files it was
 * loaded from, the totals and the current sort. Printing lives in {@link StatsPrinter}. Methods return {@code this}
 * for chaining, like pstats.
 */
public final class Stats {
    /** {@code (double) 1 / 1000000000}: cProfile's ns → s factor (multiply, never divide). */
    public static final double NANOS_TO_SECONDS = 1.0 / 1e9;

    private final LinkedHashMap<FunctionKey, FunctionStats> stats = new LinkedHashMap<>();
    private final List<SourceFile> files = new ArrayList<>();
    private long totalCalls;
    private long primCalls;
    private double totalTt;
    private int maxNameLen;
    /** The sorted list ({@code fcn_list}); {@code null} when unsorted. */
    private List<FunctionKey> fcnList;
    private String sortType = "";
    private Map<FunctionKey, Map<FunctionKey, CallerValue>> allCallees;
    /** How a sampled profile was made; null for an exact one (pstats' own). */
    private Sampling sampling;
    /** What the times of exact calls measure when not wall time (said under the totals line); null: wall time. */
    private TimeBasis timeBasis;

    private Stats() {}

    /** Marks the profile as sampled (its header says so): see {@link Sampling}. */
    public Stats sampledAs(Sampling how) {
        this.sampling = how;
        return this;
    }

    /** How the profile was sampled, or null for exact calls. */
    public Sampling sampling() {
        return sampling;
    }

    /** Marks the times as thread CPU time or estimated (the header says so): see {@link TimeBasis}. */
    public Stats timedBy(TimeBasis basis) {
        this.timeBasis = basis;
        return this;
    }

    /** What the times measure, or null for wall time (pstats' own). */
    public TimeBasis timeBasis() {
        return timeBasis;
    }

    /** Wraps a ready stats dict (copied, insertion order kept); totals computed as pstats does at load time. */
    public static Stats of(Map<FunctionKey, FunctionStats> dict, List<SourceFile> files) {
        Stats s = new Stats();
        s.stats.putAll(dict);
        s.files.addAll(files);
        for (Map.Entry<FunctionKey, FunctionStats> e : s.stats.entrySet()) {
            FunctionStats f = e.getValue();
            s.totalCalls += f.nc();
            s.primCalls += f.cc();
            s.totalTt += f.tt();
            s.maxNameLen = Math.max(s.maxNameLen, PyStr.len(e.getKey().stdName()));
        }
        return s;
    }

    /** cProfile's {@code getstats} + {@code snapshot_stats} over raw nanosecond tables (see reference §3.3). */
    public static Stats fromTable(ProfileTable table, List<SourceFile> files) {
        LinkedHashMap<FunctionKey, ProfileTable.Counters> present = new LinkedHashMap<>();
        for (Map.Entry<FunctionKey, ProfileTable.Counters> e : table.functions().entrySet()) {
            if (e.getValue().callCount() != 0) present.put(e.getKey(), e.getValue());
        }
        // callers per callee, enumerating sub-entries caller by caller (entry order), then pair order
        Map<FunctionKey, List<Map.Entry<ProfileTable.Edge, ProfileTable.Counters>>> byCaller = new LinkedHashMap<>();
        for (Map.Entry<ProfileTable.Edge, ProfileTable.Counters> e : table.calls().entrySet()) {
            byCaller.computeIfAbsent(e.getKey().caller(), k -> new ArrayList<>()).add(e);
        }
        Map<FunctionKey, LinkedHashMap<FunctionKey, CallerValue>> callers = new LinkedHashMap<>();
        for (FunctionKey f : present.keySet()) callers.put(f, new LinkedHashMap<>());
        for (FunctionKey c : present.keySet()) {
            for (Map.Entry<ProfileTable.Edge, ProfileTable.Counters> e : byCaller.getOrDefault(c, List.of())) {
                LinkedHashMap<FunctionKey, CallerValue> target = callers.get(e.getKey().callee());
                if (target == null) continue;
                ProfileTable.Counters s = e.getValue();
                target.merge(c, new CallStats(s.callCount(), s.callCount() - s.recursiveCallCount(),
                        NANOS_TO_SECONDS * (double) s.inlineNanos(), NANOS_TO_SECONDS * (double) s.totalNanos()),
                        (old, add) -> add.plus(old));
            }
        }
        LinkedHashMap<FunctionKey, FunctionStats> dict = new LinkedHashMap<>();
        for (Map.Entry<FunctionKey, ProfileTable.Counters> e : present.entrySet()) {
            ProfileTable.Counters c = e.getValue();
            dict.put(e.getKey(), new FunctionStats(c.callCount() - c.recursiveCallCount(), c.callCount(),
                    NANOS_TO_SECONDS * (double) c.inlineNanos(), NANOS_TO_SECONDS * (double) c.totalNanos(),
                    callers.get(e.getKey())));
        }
        return of(dict, files);
    }

    /**
     * {@code pstats.Stats(path)}: reads a {@code .pstats} marshal file. The file line shows {@code path.toString()}
     * and the file's modification time.
     */
    public static Stats load(Path path) throws IOException {
        return load(path, path.toString());
    }

    /** Like {@link #load(Path)} with the text to print as the file's name. */
    public static Stats load(Path path, String displayName) throws IOException {
        byte[] data = Files.readAllBytes(path);
        Instant mtime = null;
        try {
            mtime = Files.getLastModifiedTime(path).toInstant();
        } catch (IOException ignored) {
            // pstats prints the bare name when os.stat fails
        }
        return fromMarshal(data, List.of(new SourceFile(displayName, mtime)), displayName);
    }

    /** Builds Stats from the bytes of a marshal-ed stats dict. */
    public static Stats fromMarshal(byte[] data, List<SourceFile> files, String what) throws IOException {
        Object o = MarshalReader.read(data);
        if (!(o instanceof Map)) throw new IOException("not a pstats file (top-level object is not a dict): " + what);
        Map<?, ?> dict = (Map<?, ?>) o;
        if (dict.isEmpty()) {
            throw new IOException("Cannot create or construct a Stats object from " + what + " (no functions)");
        }
        LinkedHashMap<FunctionKey, FunctionStats> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            FunctionKey key = key(e.getKey(), what);
            List<?> v = tuple(e.getValue(), 5, what);
            if (!(v.get(4) instanceof Map)) throw bad(what, "callers is not a dict");
            LinkedHashMap<FunctionKey, CallerValue> callers = new LinkedHashMap<>();
            for (Map.Entry<?, ?> c : ((Map<?, ?>) v.get(4)).entrySet()) {
                callers.put(key(c.getKey(), what), callerValue(c.getValue(), what));
            }
            out.put(key, new FunctionStats(integer(v.get(0), what), integer(v.get(1), what),
                    number(v.get(2), what), number(v.get(3), what), callers));
        }
        return of(out, files);
    }

    /** cProfile's {@code (nc, cc, tt, ct)} tuple, or the pure-Python profile module's bare call count. */
    private static CallerValue callerValue(Object o, String what) throws IOException {
        if (!(o instanceof List)) {
            return new CallCount(integer(o, what));
        }
        List<?> t = tuple(o, 4, what);
        return new CallStats(integer(t.get(0), what), integer(t.get(1), what), number(t.get(2), what), number(t.get(3), what));
    }

    private static FunctionKey key(Object o, String what) throws IOException {
        List<?> t = tuple(o, 3, what);
        // python -m profile names the script's pseudo-function by its code object: pstats prints its repr
        Object name = t.get(2) instanceof PyCode code ? code.repr() : t.get(2);
        if (!(t.get(0) instanceof String) || !(name instanceof String)) throw bad(what, "bad function key " + o);
        long line = integer(t.get(1), what);
        if (line < Integer.MIN_VALUE || line > Integer.MAX_VALUE) throw bad(what, "line number out of range");
        return new FunctionKey((String) t.get(0), (int) line, (String) name);
    }

    private static List<?> tuple(Object o, int n, String what) throws IOException {
        if (!(o instanceof List) || ((List<?>) o).size() != n) throw bad(what, "expected a " + n + "-tuple");
        return (List<?>) o;
    }

    private static long integer(Object o, String what) throws IOException {
        if (o instanceof Long) return (Long) o;
        if (o instanceof Boolean) return ((Boolean) o) ? 1 : 0;
        if (o instanceof BigInteger) throw bad(what, "count too large: " + o);
        throw bad(what, "expected an int, got " + o);
    }

    private static double number(Object o, String what) throws IOException {
        if (o instanceof Double) return (Double) o;
        if (o instanceof Long) return (double) (Long) o;
        if (o instanceof BigInteger) return ((BigInteger) o).doubleValue();
        throw bad(what, "expected a number, got " + o);
    }

    private static IOException bad(String what, String msg) {
        return new IOException("invalid pstats data in " + what + ": " + msg);
    }

    /** {@code dump_stats(path)}: writes the stats dict (current state) as marshal. */
    public void dump(Path path) throws IOException {
        try (OutputStream os = Files.newOutputStream(path)) {
            writeTo(os);
        }
    }

    /** Writes the stats dict as marshal to a stream. */
    public void writeTo(OutputStream os) throws IOException {
        StatsFile.write(stats, os);
    }

    /**
     * {@code add(*others)}: arguments processed in reverse order; files concatenated, totals added, existing keys merged
     * in place, new keys appended. Discards the sort. (Like pstats, a previously computed callee map is kept.)
     */
    public Stats add(Stats... others) {
        List<Stats> list = Arrays.asList(others);
        TimeBasis basis = timeBasis;
        for (Stats item : list) {
            if ((sampling == null) != (item.sampling == null)) {
                throw new IllegalArgumentException("a sampled profile and exact calls do not add up");
            }
            basis = TimeBasis.plus(basis, item.timeBasis);
        }
        timeBasis = basis;
        for (int i = list.size() - 1; i >= 0; i--) {
            Stats item = list.get(i);
            List<SourceFile> itemFiles = new ArrayList<>(item.files);
            List<Map.Entry<FunctionKey, FunctionStats>> itemStats = new ArrayList<>(item.stats.entrySet());
            long calls = item.totalCalls, prims = item.primCalls;
            double tt = item.totalTt;
            int nameLen = item.maxNameLen;
            files.addAll(itemFiles);
            if (sampling != null && item.sampling != null) {
                sampling = sampling.plus(item.sampling);
            }
            totalCalls += calls;
            primCalls += prims;
            totalTt += tt;
            if (maxNameLen < nameLen) maxNameLen = nameLen;
            fcnList = null;
            for (Map.Entry<FunctionKey, FunctionStats> e : itemStats) {
                FunctionStats old = stats.get(e.getKey());
                if (old == null) {
                    old = new FunctionStats(0, 0, 0.0, 0.0, Map.of());
                }
                stats.put(e.getKey(), old.plus(e.getValue()));
            }
        }
        return this;
    }

    /** {@code strip_dirs()}: basenames everywhere, colliding functions merged in first-seen order, sort discarded. */
    public Stats stripDirs() {
        LinkedHashMap<FunctionKey, FunctionStats> newStats = new LinkedHashMap<>();
        int maxLen = 0;
        for (Map.Entry<FunctionKey, FunctionStats> e : stats.entrySet()) {
            FunctionKey newFunc = e.getKey().stripPath();
            maxLen = Math.max(maxLen, PyStr.len(newFunc.stdName()));
            FunctionStats s = e.getValue();
            LinkedHashMap<FunctionKey, CallerValue> newCallers = new LinkedHashMap<>();
            // plain assignment: colliding callers within one dict overwrite (position of the first)
            for (Map.Entry<FunctionKey, CallerValue> c : s.callers().entrySet()) {
                newCallers.put(c.getKey().stripPath(), c.getValue());
            }
            FunctionStats stripped = new FunctionStats(s.cc(), s.nc(), s.tt(), s.ct(), newCallers);
            FunctionStats existing = newStats.get(newFunc);
            newStats.put(newFunc, existing == null ? stripped : existing.plus(stripped));
        }
        stats.clear();
        stats.putAll(newStats);
        maxNameLen = maxLen;
        fcnList = null;
        allCallees = null;
        return this;
    }

    /** {@code sort_stats(*keys)}; no key resets to "random listing order". Stable; several keys break ties in order. */
    public Stats sortStats(SortKey... keys) {
        return sortStats(Arrays.asList(keys));
    }

    public Stats sortStats(List<SortKey> keys) {
        if (keys.isEmpty()) {
            fcnList = null;
            return this;
        }
        java.util.Comparator<Map.Entry<FunctionKey, FunctionStats>> cmp = null;
        StringBuilder type = new StringBuilder();
        for (SortKey k : keys) {
            cmp = cmp == null ? k.comparator() : cmp.thenComparing(k.comparator());
            if (type.length() > 0) type.append(", ");
            type.append(k.description());
        }
        sortType = type.toString();
        List<Map.Entry<FunctionKey, FunctionStats>> entries = new ArrayList<>(stats.entrySet());
        entries.sort(cmp); // List.sort is stable
        List<FunctionKey> list = new ArrayList<>(entries.size());
        for (Map.Entry<FunctionKey, FunctionStats> e : entries) list.add(e.getKey());
        fcnList = list;
        return this;
    }

    /** {@code reverse_order()}: reverses the sorted list; nothing when unsorted. */
    public Stats reverseOrder() {
        if (fcnList != null) Collections.reverse(fcnList);
        return this;
    }

    /** {@code calc_callees()}: inverts the callers maps (computed once; reset only by {@link #stripDirs()}). */
    public Stats calcCallees() {
        if (allCallees != null && !allCallees.isEmpty()) return this;
        Map<FunctionKey, Map<FunctionKey, CallerValue>> callees = new LinkedHashMap<>();
        for (Map.Entry<FunctionKey, FunctionStats> e : stats.entrySet()) {
            callees.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
            for (Map.Entry<FunctionKey, CallerValue> c : e.getValue().callers().entrySet()) {
                callees.computeIfAbsent(c.getKey(), k -> new LinkedHashMap<>()).put(e.getKey(), c.getValue());
            }
        }
        allCallees = callees;
        return this;
    }

    /** The callee map of {@code f} (after {@link #calcCallees()}); empty if none. */
    public Map<FunctionKey, CallerValue> callees(FunctionKey f) {
        calcCallees();
        Map<FunctionKey, CallerValue> m = allCallees.get(f);
        return m == null ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** The stats dict, read-only, in insertion order. */
    public Map<FunctionKey, FunctionStats> stats() {
        return Collections.unmodifiableMap(stats);
    }

    public List<SourceFile> files() {
        return Collections.unmodifiableList(files);
    }

    public long totalCalls() {
        return totalCalls;
    }

    public long primCalls() {
        return primCalls;
    }

    public double totalTt() {
        return totalTt;
    }

    public int maxNameLen() {
        return maxNameLen;
    }

    public boolean isEmpty() {
        return stats.isEmpty();
    }

    /** True when a sort is in effect ({@code fcn_list} is a non-empty list). */
    public boolean isSorted() {
        return fcnList != null && !fcnList.isEmpty();
    }

    /** The "Ordered by" description of the last sort. */
    public String sortType() {
        return sortType;
    }

    /** The listing: the sorted list when sorted, else the keys in insertion order. */
    public List<FunctionKey> listing() {
        return isSorted() ? Collections.unmodifiableList(fcnList) : List.copyOf(stats.keySet());
    }

    /**
     * The functions a report lists ({@code get_print_list} without its messages): the listing, cut by each
     * restriction in turn.
     */
    public List<FunctionKey> printList(List<Restriction> restrictions) {
        List<FunctionKey> list = listing();
        StringBuilder messages = new StringBuilder();
        for (Restriction r : restrictions) list = r.apply(list, messages);
        return list;
    }
}
