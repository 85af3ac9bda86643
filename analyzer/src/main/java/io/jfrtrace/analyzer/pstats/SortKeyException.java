package io.jfrtrace.analyzer.pstats;

/** An unknown, ambiguous or ill-mixed sort key. The message is one line and lists the valid keys. */
public class SortKeyException extends IllegalArgumentException {
    public SortKeyException(String message) {
        super(message);
    }
}
