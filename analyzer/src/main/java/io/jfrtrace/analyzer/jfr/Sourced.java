package io.jfrtrace.analyzer.jfr;

import java.util.List;

/** A model and its {@link Provenance}. */
public record Sourced<M>(M model, Provenance provenance) {
    static <M> Sourced<M> ours(M model) {
        return new Sourced<>(model, Provenance.OURS);
    }

    static <M> Sourced<M> stock(M model, List<String> events, String note) {
        return new Sourced<>(model, new Provenance(List.copyOf(events), note));
    }
}
