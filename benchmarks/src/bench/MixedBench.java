package bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A realistic mix: parse CSV-like lines, aggregate in maps, sort with comparators. */
public class MixedBench {
    record Sale(String region, String product, int quantity, double price) {
        double total() {
            return quantity * price;
        }
    }

    static List<String> makeLines(int n) {
        List<String> lines = new ArrayList<>(n);
        String[] regions = {"north", "south", "east", "west", "centre"};
        for (int i = 0; i < n; i++) {
            lines.add(regions[i % regions.length] + ",p" + (i * 7919 % 257) + "," + (1 + i % 13) + "," + (i % 100) + ".25");
        }
        return lines;
    }

    static Sale parse(String line) {
        int a = line.indexOf(',');
        int b = line.indexOf(',', a + 1);
        int c = line.indexOf(',', b + 1);
        return new Sale(line.substring(0, a), line.substring(a + 1, b),
                parseQuantity(line.substring(b + 1, c)), Double.parseDouble(line.substring(c + 1)));
    }

    static int parseQuantity(String s) {
        return Integer.parseInt(s);
    }

    static Map<String, Double> totalsByProduct(List<Sale> sales) {
        Map<String, Double> totals = new HashMap<>();
        for (Sale s : sales) {
            totals.merge(key(s), s.total(), Double::sum);
        }
        return totals;
    }

    static String key(Sale s) {
        return s.region() + "/" + s.product();
    }

    static List<Map.Entry<String, Double>> top(Map<String, Double> totals) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(totals.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed()
                .thenComparing(e -> e.getKey()));
        return entries.subList(0, Math.min(10, entries.size()));
    }

    static int round(List<String> lines) {
        List<Sale> sales = new ArrayList<>(lines.size());
        for (String l : lines) {
            sales.add(parse(l));
        }
        sales.sort(Comparator.comparingDouble(Sale::total).thenComparing(Sale::product));
        return top(totalsByProduct(sales)).size() + sales.size();
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> lines = makeLines(50_000);
        long[] times = new long[rounds];
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += round(lines);
            times[r] = System.nanoTime() - t0;
        }
        Rounds.report(times, sink);
    }
}
