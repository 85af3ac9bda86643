package io.jfrtrace.schema.agent;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's option string: {@code key=value} pairs joined by commas, values percent-encoded (so a value may hold
 * commas, '=' or anything else). A '+' stands for itself, as people write it by hand ({@code output=a+b.jfr}); a
 * space is {@code %20}. A key without '=' has a null value.
 */
public final class AgentArguments {
    /** One {@code key=value} of the string, the value decoded (null when the pair had no '='). */
    public record Pair(String key, String value) {
    }

    private final List<String> pairs = new ArrayList<>();

    /** Adds {@code key=value}, the value encoded. */
    public AgentArguments add(String key, String value) {
        pairs.add(key + "=" + encode(value));
        return this;
    }

    /** Adds one pair per value (repeatable keys). */
    public AgentArguments addAll(String key, List<String> values) {
        values.forEach(v -> add(key, v));
        return this;
    }

    public AgentArguments addAll(AgentArguments other) {
        pairs.addAll(other.pairs);
        return this;
    }

    /** Whether {@code key=value} was added (compared as the option string carries it: no parse). */
    public boolean has(String key, String value) {
        return pairs.contains(key + "=" + encode(value));
    }

    /** The option string. */
    @Override
    public String toString() {
        return String.join(",", pairs);
    }

    /** A value as the option string carries it: URL encoding, with a space as {@code %20} ('+' means '+' here). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The pairs of an option string, in order; empty parts are skipped. A bad percent-encoding is an
     * IllegalArgumentException naming the part.
     */
    public static List<Pair> parse(String options) {
        List<Pair> out = new ArrayList<>();
        if (options == null || options.isEmpty()) {
            return out;
        }
        for (String part : options.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            out.add(eq < 0 ? new Pair(part, null) : new Pair(part.substring(0, eq), decode(part.substring(eq + 1))));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent-encoding in '" + s + "'");
        }
    }
}
