package io.jfrtrace.cli.report;

import io.jfrtrace.analyzer.tracemalloc.KeyType;

/** tracemalloc's {@code statistics(key_type, cumulative)[:limit]} (and compare_to's), as alloc/compare take it. */
public record Grouping(KeyType key, boolean cumulative, int limit) {
}
