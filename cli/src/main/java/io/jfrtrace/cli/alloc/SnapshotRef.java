package io.jfrtrace.cli.alloc;

import java.nio.file.Path;
import java.nio.file.Paths;

/** {@code FILE} or {@code FILE#SNAPSHOT} (an id or a label) as the alloc and compare commands take it. */
public record SnapshotRef(Path file, String selector) {
    public static SnapshotRef parse(String text) {
        int hash = text.lastIndexOf('#');
        if (hash > 0) {
            return new SnapshotRef(Paths.get(text.substring(0, hash)), text.substring(hash + 1));
        }
        return new SnapshotRef(Paths.get(text), null);
    }
}
