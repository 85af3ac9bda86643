package io.jfrtrace.cli;

import java.util.Iterator;

import io.jfrtrace.analyzer.pstats.SortKey;

/** pstats' sort key words, for {@code stats --sort}'s help and shell completion: the list is SortKey's own. */
final class SortKeyWords implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return SortKey.words().iterator();
    }
}
