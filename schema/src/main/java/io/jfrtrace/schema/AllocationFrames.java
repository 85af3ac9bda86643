package io.jfrtrace.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code frames} field of {@code jfrtrace.AllocationTrace}: {@code file:line} joined by {@code ;}, oldest first.
 * A file name may itself hold ':' (the last one separates the line) but never ';'.
 */
public final class AllocationFrames {
    /** Makes a reader's own frame type from a decoded frame. */
    @FunctionalInterface
    public interface Factory<T> {
        T frame(String file, int line);
    }

    private AllocationFrames() {
    }

    /** Appends one frame (the next more recent one), after a separator when {@code sb} holds frames already. */
    public static StringBuilder append(StringBuilder sb, String file, int line) {
        if (sb.length() > 0) {
            sb.append(';');
        }
        return sb.append(file).append(':').append(line);
    }

    /**
     * The frames of a field, oldest first; a frame without ':' has line 0. A line that is not a number is an
     * {@link IllegalArgumentException} (NumberFormatException): the field is corrupt.
     */
    public static <T> List<T> decode(String field, Factory<T> factory) {
        List<T> out = new ArrayList<>();
        if (field == null || field.isEmpty()) {
            return out;
        }
        for (String f : field.split(";")) {
            int colon = f.lastIndexOf(':');
            out.add(colon < 0 ? factory.frame(f, 0) : factory.frame(f.substring(0, colon), Integer.parseInt(f.substring(colon + 1))));
        }
        return out;
    }
}
