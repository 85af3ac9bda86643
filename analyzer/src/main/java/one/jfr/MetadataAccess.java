package one.jfr;

import java.util.ArrayList;
import java.util.List;

/**
 * jfr-trace's window on what async-profiler's {@link JfrReader} (jfr-converter 4.5) reads of a chunk's metadata but
 * keeps package-private: an event type's id, which each event's header names (the reader's public tables list only the
 * types that are not events), and its fields in order. Lives in the reader's package for that access alone; a change
 * in the library breaks the build here, not a recording's reading.
 */
public final class MetadataAccess {
    private MetadataAccess() {
    }

    /** A field as the metadata declares it: its name, its type's name, and whether it holds a constant pool index. */
    public record Field(String name, String typeName, boolean constantPool) {
    }

    /** The id the chunk gives the type. */
    public static long id(JfrClass type) {
        return type.id;
    }

    /** The type's fields in the order its events hold them (a field of an unknown type has a null type name). */
    public static List<Field> fields(JfrReader reader, JfrClass type) {
        List<Field> out = new ArrayList<>(type.fields.size());
        for (JfrField f : type.fields) {
            JfrClass fieldType = reader.types.get(f.type);
            out.add(new Field(f.name, fieldType == null ? null : fieldType.name, f.constantPool));
        }
        return out;
    }
}
