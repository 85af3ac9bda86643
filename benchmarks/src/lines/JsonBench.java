package bench;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real library's workload for the line-count benchmark (benchmarks/lines.py): Jackson (jackson-databind) reads a
 * generated JSON document of orders into a tree, walks it, writes it back, and streams over it token by token. Only
 * Jackson's classes are instrumented, so the cost measured is that of counting a library's lines.
 */
public class JsonBench {
    static String makeDocument(int orders) {
        StringBuilder sb = new StringBuilder("[");
        String[] regions = {"north", "south", "east", "west", "centre"};
        for (int i = 0; i < orders; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(i)
                    .append(",\"customer\":\"c").append(i * 7919 % 1009).append("\\u00e9\"")
                    .append(",\"region\":\"").append(regions[i % regions.length]).append('"')
                    .append(",\"paid\":").append(i % 3 != 0)
                    .append(",\"note\":").append(i % 5 == 0 ? "null" : "\"deliver \\\"fast\\\"\"")
                    .append(",\"items\":[");
            for (int j = 0; j < 1 + i % 4; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append("{\"sku\":\"p").append((i + j) % 257).append("\",\"qty\":").append(1 + j)
                        .append(",\"price\":").append(i % 100).append('.').append(25 * j).append('}');
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }

    static double walk(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        double sum = n.isTextual() ? n.textValue().length() : 0;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                sum += walk(it.next().getValue());
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                sum += walk(e);
            }
        }
        return sum;
    }

    static int tokens(ObjectMapper mapper, String doc) throws Exception {
        int count = 0;
        try (JsonParser p = mapper.getFactory().createParser(doc)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                count++;
            }
        }
        return count;
    }

    static int round(ObjectMapper mapper, String doc) throws Exception {
        JsonNode tree = mapper.readTree(doc);
        double sum = walk(tree);
        String back = mapper.writeValueAsString(tree);
        return (int) sum + back.length() + tokens(mapper, doc);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String doc = makeDocument(20_000);
        ObjectMapper mapper = new ObjectMapper();
        long[] times = new long[rounds];
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += round(mapper, doc);
            times[r] = System.nanoTime() - t0;
        }
        Rounds.report(times, sink);
    }
}
