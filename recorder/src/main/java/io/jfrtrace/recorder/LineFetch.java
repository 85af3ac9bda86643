package io.jfrtrace.recorder;

/** How a woven method fetches its thread's line counts of the class at its start (see LineCountWeaver). */
enum LineFetch {
    /** A call to the runtime ({@code LineCounter.counts}): attach (retransformation cannot add members), interfaces. */
    CALL,
    /** The class's static holder field, through its fetch method ({@code record} mode: see LineHolderMembers). */
    HOLDER,
    /**
     * A class loaded with the holder and retransformed later (by another agent): the JVM refuses a class whose
     * members changed, so it keeps the field and methods, but the fetch method calls the runtime, as the class's lines
     * got a new id and the field may still hold a holder of the old one.
     */
    KEPT
}
