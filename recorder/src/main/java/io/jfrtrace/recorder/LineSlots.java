package io.jfrtrace.recorder;

import java.util.Arrays;

/**
 * A class's executable lines as the line counter numbers them: its id in the runtime's {@code LineRegistry} and its
 * lines, ascending; line {@code lines[i]} counts into slot i of the class's per-thread array; how a method fetches
 * that array.
 */
record LineSlots(int classId, int[] lines, LineFetch fetch) {
    /** The slot of {@code line}, which must be one of the class's lines. */
    int slot(int line) {
        int i = Arrays.binarySearch(lines, line);
        if (i < 0) {
            throw new IllegalArgumentException("line " + line + " not in the class's line table");
        }
        return i;
    }
}
