package io.jfrtrace.analyzer.jfr;

import java.util.List;

import one.jfr.event.Event;

/**
 * An event of a type whose fields are all numbers, strings or constant pool indexes, read in the order of its chunk's
 * metadata ({@link CheckedEvents#values}): for the JVM's events the bulk reader has no class for, or handles itself
 * (a setting, {@code jdk.ActiveSetting}).
 */
final class FlatEvent extends Event {
    private final CheckedEvents.Layout layout;
    private final List<Object> values;

    FlatEvent(CheckedEvents.Layout layout, List<Object> values) {
        super(0, 0, 0);
        this.layout = layout;
        this.values = values;
    }

    /** A number field's value, or {@code otherwise} if the type has no such field (or it was not read). */
    long number(String field, long otherwise) {
        int i = layout.field(field);
        return i >= 0 && i < values.size() && values.get(i) instanceof Long v ? v : otherwise;
    }

    /** A string field's value, or null. */
    String string(String field) {
        int i = layout.field(field);
        return i >= 0 && i < values.size() && values.get(i) instanceof String v ? v : null;
    }
}
