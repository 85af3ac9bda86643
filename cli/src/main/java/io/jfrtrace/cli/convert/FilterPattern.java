package io.jfrtrace.cli.convert;

import io.jfrtrace.analyzer.tracemalloc.Filter;

/** {@code PATTERN[:LINE]} of {@code alloc --include/--exclude}: tracemalloc's filename_pattern and lineno. */
public record FilterPattern(String pattern, Integer lineno) {
    /** Splits off a trailing {@code :LINE}; a bad pattern (an unterminated {@code [}) is refused here, as Filter refuses it. */
    public static FilterPattern parse(String text) {
        int colon = text.lastIndexOf(':');
        FilterPattern p = colon > 0 && colon < text.length() - 1 && text.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? new FilterPattern(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)))
                : new FilterPattern(text, null);
        p.toFilter(true, false);
        return p;
    }

    public Filter toFilter(boolean inclusive, boolean allFrames) {
        return new Filter(inclusive, pattern, lineno, allFrames, null);
    }
}
