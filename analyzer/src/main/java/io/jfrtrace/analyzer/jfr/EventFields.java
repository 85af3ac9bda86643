package io.jfrtrace.analyzer.jfr;

import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * Field access by name for one event type, as JMC exposes it: numbers come back as quantities
 * (plain numbers, or timespans for {@code @Timespan} fields), strings as strings.
 */
public final class EventFields {
    private final Map<String, IMemberAccessor<?, IItem>> accessors = new HashMap<>();

    public EventFields(IType<IItem> type) {
        for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
            accessors.put(key.getIdentifier(), type.getAccessor(key));
        }
    }

    public boolean has(String field) {
        return accessors.containsKey(field);
    }

    public String string(IItem item, String field) {
        Object v = member(item, field);
        return v == null ? null : v.toString();
    }

    /** A numeric field as a long; timespans in nanoseconds. Missing fields read as 0. */
    public long number(IItem item, String field) {
        return longIn(item, field, UnitLookup.TIMESPAN, UnitLookup.NANOSECOND);
    }

    /** A {@code @DataAmount} field in bytes (plain numbers pass through). */
    public long bytes(IItem item, String field) {
        return longIn(item, field, UnitLookup.MEMORY, UnitLookup.BYTE);
    }

    private long longIn(IItem item, String field, org.openjdk.jmc.common.unit.ContentType<?> kind,
            org.openjdk.jmc.common.unit.IUnit unit) {
        Object v = member(item, field);
        if (v instanceof IQuantity q) {
            return q.getUnit().getContentType() == kind ? q.clampedLongValueIn(unit) : q.longValue();
        }
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** A boolean field, or null. */
    public Boolean bool(IItem item, String field) {
        return member(item, field) instanceof Boolean b ? b : null;
    }

    /** The raw value JMC gives a field (a quantity, a string, a JMC model object), or null. */
    public Object value(IItem item, String field) {
        return member(item, field);
    }

    /** A timestamp field (such as {@code startTime}), or null. */
    public java.time.Instant instant(IItem item, String field) {
        Object v = member(item, field);
        if (v instanceof IQuantity q && q.getUnit().getContentType() == UnitLookup.TIMESTAMP) {
            return java.time.Instant.EPOCH.plusNanos(q.clampedLongValueIn(UnitLookup.EPOCH_NS));
        }
        return null;
    }

    /** The event's stack trace, or null. */
    public org.openjdk.jmc.common.IMCStackTrace stackTrace(IItem item) {
        Object v = member(item, "stackTrace");
        return v instanceof org.openjdk.jmc.common.IMCStackTrace t ? t : null;
    }

    private Object member(IItem item, String field) {
        IMemberAccessor<?, IItem> a = accessors.get(field);
        return a == null ? null : a.getMember(item);
    }
}
