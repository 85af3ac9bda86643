package bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An allocation-heavy but realistic workload: parse order records into objects, normalise
 * fields through short-lived char arrays, keep per-customer statistics in a bounded LRU cache
 * (entries evicted and rebuilt all the time), and compute per-batch percentiles on copied arrays.
 * Most allocations happen in application code (objects, arrays, copies), which is what
 * allocation tracing records; the JDK's own (strings, map nodes) are not.
 */
public class AllocBench {
    record Order(String customer, String sku, int quantity, long cents, String[] tags) {
        long total() {
            return quantity * cents;
        }
    }

    static final class Stats {
        final String customer;
        long orders;
        long cents;
        long[] recent = new long[8];
        int next;

        Stats(String customer) {
            this.customer = customer;
        }

        void add(Order o) {
            orders++;
            cents += o.total();
            recent[next] = o.total();
            next = (next + 1) & 7;
        }

        long[] sortedRecent() {
            long[] copy = Arrays.copyOf(recent, recent.length);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** A bounded LRU cache of per-customer statistics. */
    static final class Lru extends LinkedHashMap<String, Stats> {
        private static final long serialVersionUID = 1L;
        private final int capacity;
        long evictions;

        Lru(int capacity) {
            super(2 * capacity, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stats> eldest) {
            if (size() > capacity) {
                evictions++;
                return true;
            }
            return false;
        }
    }

    static List<String> makeLines(int n) {
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = (int) ((i * 2654435761L) % 5000);
            lines.add("cust" + c + ", Sku-" + (i * 7919 % 997) + " ," + (1 + i % 9) + "," + (100 + i % 5000)
                    + ",tag" + (i % 7) + "|tag" + (i % 11) + "|tag" + (i % 3));
        }
        return lines;
    }

    /** Trimmed, lower-cased copy of {@code s[from, to)} through a scratch array. */
    static String normalise(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        char[] buf = new char[to - from];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = Character.toLowerCase(s.charAt(from + i));
        }
        return new String(buf);
    }

    static String[] tags(String s, int from) {
        int n = 1;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '|') {
                n++;
            }
        }
        String[] out = new String[n];
        int k = 0;
        int start = from;
        for (int i = from; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '|') {
                out[k++] = normalise(s, start, i);
                start = i + 1;
            }
        }
        return out;
    }

    static Order parse(String line) {
        int[] comma = new int[4];
        int k = 0;
        for (int i = 0; i < line.length() && k < 4; i++) {
            if (line.charAt(i) == ',') {
                comma[k++] = i;
            }
        }
        return new Order(normalise(line, 0, comma[0]), normalise(line, comma[0] + 1, comma[1]),
                Integer.parseInt(line, comma[1] + 1, comma[2], 10), Long.parseLong(line, comma[2] + 1, comma[3], 10),
                tags(line, comma[3] + 1));
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    static long batch(List<String> lines, int from, int to, Lru cache) {
        long[] totals = new long[to - from];
        long sum = 0;
        for (int i = from; i < to; i++) {
            Order o = parse(lines.get(i));
            Stats s = cache.get(o.customer());
            if (s == null) {
                s = new Stats(o.customer());
                cache.put(o.customer(), s);
            }
            s.add(o);
            totals[i - from] = o.total();
            sum += s.sortedRecent()[4] + o.tags().length;
        }
        return sum + percentile(totals, 50) + percentile(totals, 99);
    }

    static long round(List<String> lines, Lru cache) {
        long sum = 0;
        for (int from = 0; from < lines.size(); from += 256) {
            sum += batch(lines, from, Math.min(lines.size(), from + 256), cache);
        }
        return sum + cache.evictions;
    }

    /** {@code AllocBench [ROUNDS|serve] [LINES]}: serve = one round per stdin line (see Rounds.serve). */
    public static void main(String[] args) throws java.io.IOException {
        boolean serve = args.length > 0 && args[0].equals("serve");
        int rounds = args.length > 0 && !serve ? Integer.parseInt(args[0]) : 10;
        List<String> lines = makeLines(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
        Lru cache = new Lru(1000);
        if (serve) {
            Rounds.serve(() -> round(lines, cache));
            return;
        }
        long[] times = new long[rounds];
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += (int) round(lines, cache);
            times[r] = System.nanoTime() - t0;
        }
        Rounds.report(times, sink);
    }
}
