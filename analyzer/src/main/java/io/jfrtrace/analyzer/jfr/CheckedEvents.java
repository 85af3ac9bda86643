package io.jfrtrace.analyzer.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import one.jfr.JfrClass;
import one.jfr.JfrReader;
import one.jfr.MetadataAccess;
import one.jfr.event.Event;

/**
 * The JVM's per-chunk configuration events (flags, system properties, environment variables, JVM, OS and CPU
 * information), decoded on every bulk pass only so that their values are checked: they hold most of the strings a
 * chunk writes inline, and a string whose encoding byte is corrupt is a corrupt recording whichever command reads it
 * (a corrupt string in the constant pools fails when the bulk reader reads the pools). Their fields are all numbers,
 * strings or constant pool indexes, read in the order the chunk's metadata gives; a field of another kind ends the
 * check of that event. Events of other types that no handler wants are stepped over unchecked (docs/architecture.md).
 */
final class CheckedEvents {
    /** Types known to hold no array and no nested value, so that their metadata says how to step through them. */
    static final Set<String> TYPES = Set.of("jdk.BooleanFlag", "jdk.IntFlag", "jdk.UnsignedIntFlag", "jdk.LongFlag",
            "jdk.UnsignedLongFlag", "jdk.DoubleFlag", "jdk.StringFlag", "jdk.InitialSystemProperty",
            "jdk.InitialEnvironmentVariable", "jdk.InitialSecurityProperty", "jdk.JVMInformation", "jdk.OSInformation",
            "jdk.CPUInformation", "jdk.SystemProcess", "jdk.NativeLibrary");

    enum Kind { BYTE, VARINT, FLOAT, DOUBLE, STRING, OTHER }

    /** How to step through one type's events: its fields' kinds (and names) in order. */
    record Layout(List<Kind> kinds, List<String> names) {
        /** The index of the field of this name, or -1. */
        int field(String name) {
            return names.indexOf(name);
        }
    }

    /** The layout of the type being decoded on this thread (set just before each decode). */
    private static final ThreadLocal<Layout> LAYOUT = new ThreadLocal<>();

    private CheckedEvents() {
    }

    /** How to step through an event of {@code type} in this chunk. */
    static Layout layout(JfrReader reader, JfrClass type) {
        List<Kind> kinds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MetadataAccess.Field f : MetadataAccess.fields(reader, type)) {
            kinds.add(f.constantPool() ? Kind.VARINT : kind(f.typeName()));
            names.add(f.name());
        }
        return new Layout(kinds, names);
    }

    static void expect(Layout layout) {
        LAYOUT.set(layout);
    }

    private static Kind kind(String typeName) {
        if (typeName == null) {
            return Kind.OTHER;
        }
        return switch (typeName) {
            case "boolean", "byte" -> Kind.BYTE;
            case "char", "short", "int", "long" -> Kind.VARINT;
            case "float" -> Kind.FLOAT;
            case "double" -> Kind.DOUBLE;
            case "java.lang.String" -> Kind.STRING;
            default -> Kind.OTHER;
        };
    }

    /** One checked event; its values are read and dropped. */
    public static final class Checked extends Event {
        public Checked(JfrReader r) {
            super(0, 0, 0);
            values(r, LAYOUT.get());
        }
    }

    /**
     * The values of an event of {@code layout} whose fields {@code r} is positioned at, in order: numbers as
     * {@code Long} (bytes and booleans too), floats and doubles as {@code Double}, strings as {@code String} (or null);
     * the values stop at the first field of another kind.
     */
    static List<Object> values(JfrReader r, Layout layout) {
        List<Object> out = new ArrayList<>(layout.kinds().size());
        for (Kind k : layout.kinds()) {
            switch (k) {
                case BYTE -> out.add((long) r.getByte());
                case VARINT -> out.add(r.getVarlong());
                case FLOAT -> out.add((double) r.getFloat());
                case DOUBLE -> out.add(r.getDouble());
                case STRING -> out.add(r.getString());
                default -> {
                    return out;
                }
            }
        }
        return out;
    }
}
