package io.jfrtrace.cli.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the agent's argument string: {@code key=value} pairs joined by commas, values percent-encoded. */
public final class AgentOptions {
    private final List<String> pairs = new ArrayList<>();

    public AgentOptions add(String key, String value) {
        pairs.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    public AgentOptions addAll(String key, List<String> values) {
        values.forEach(v -> add(key, v));
        return this;
    }

    public AgentOptions addAll(AgentOptions other) {
        pairs.addAll(other.pairs);
        return this;
    }

    @Override
    public String toString() {
        return String.join(",", pairs);
    }
}
