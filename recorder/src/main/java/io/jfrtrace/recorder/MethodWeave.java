package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * One method being woven: its code as it was, and what one weaver sets up for the ones after it
 * (the frame: the local holding the thread's state; where a wrapped call's result is back).
 */
final class MethodWeave {
    final WovenClass cls;
    final MethodNode method;
    /** The instructions before any weaver ran: the anchors for every weaver's code. */
    final List<AbstractInsnNode> originals;
    /** The method's own exception handlers, before any weaver added one. */
    final List<TryCatchBlockNode> originalHandlers;
    /**
     * A call wrapped by a weaver → the instruction after its wrapper, where the call's result is
     * back on the stack (an allocating call's hook goes there).
     */
    final Map<AbstractInsnNode, AbstractInsnNode> resultAt = new HashMap<>();

    private Frame frame;

    /**
     * An open call frame: the runtime it reports to, the function's id, the local with the thread's
     * state, and in a constructor the super() or this() call, before which {@code this} is unusable
     * (null in other methods).
     */
    record Frame(FrameHooks hooks, int functionId, int state, AbstractInsnNode superCall) {
    }

    MethodWeave(WovenClass cls, MethodNode method) {
        this.cls = cls;
        this.method = method;
        this.originals = List.of(method.instructions.toArray());
        this.originalHandlers = method.tryCatchBlocks == null ? List.of() : new ArrayList<>(method.tryCatchBlocks);
    }

    boolean isConstructor() {
        return "<init>".equals(method.name);
    }

    /** A new local variable slot (one word). */
    int newLocal() {
        int slot = method.maxLocals;
        method.maxLocals = slot + 1;
        return slot;
    }

    /** Set by the frame weaver once the method enters and exits through {@code hooks}. */
    void openFrame(Frame f) {
        frame = f;
    }

    /** The method's call frame, or null (not instrumented as a call, or a constructor whose super() was not found). */
    Frame frame() {
        return frame;
    }
}
