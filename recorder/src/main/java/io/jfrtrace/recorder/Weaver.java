package io.jfrtrace.recorder;

/**
 * One concern's code woven into a method: call frames, call-line stores, built-in calls,
 * allocation sites. {@link ClassInstrumenter} runs its weavers in a fixed order on every method
 * with a body; a new kind of instrumentation is a new weaver in that list.
 *
 * <p>Weavers anchor their code on the method's original instructions ({@link MethodWeave#originals}),
 * so they do not see each other's code, but two that insert at the same place come out in the order
 * they run (see the list in {@code ClassInstrumenter}). Instances are shared by every class being
 * transformed, concurrently: all per-method state lives in the {@code MethodWeave}.
 */
interface Weaver {
    /** Adds this concern's code to {@code w.method}; true if it changed the method. */
    boolean weave(MethodWeave w);

    /**
     * Whether this weaver keeps the method's stack map frames, maximum stack and locals right itself (see
     * StackMapFrames): a class woven only by such weavers is written as it was read, without ASM's frame computation.
     */
    default boolean keepsFrames() {
        return false;
    }
}
