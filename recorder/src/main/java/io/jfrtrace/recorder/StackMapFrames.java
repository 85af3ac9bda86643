package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A woven method's stack map frames kept right by the weaver instead of recomputed by ASM. ASM's frame computation
 * is most of what weaving costs a short program: on the ANTLR tool its type inference took about 1.3 s of C2's
 * compile time (Frame.execute, merge, putAbstractType) and about 0.06 s of the main thread, on a 2-core machine.
 * The frames are the class's own, read expanded ({@code ClassReader.EXPAND_FRAMES}: every local and stack slot
 * named), with what the weaver adds: a local live from the method's first instruction on, and frames for the
 * handlers it adds.
 */
final class StackMapFrames {
    private StackMapFrames() {
    }

    /** Whether a class file of this version carries stack map frames (Java 6 and later). */
    static boolean carried(int classVersion) {
        return (classVersion & 0xFFFF) >= Opcodes.V1_6;
    }

    /**
     * Adds local {@code slot} holding {@code type} to every frame of {@code m}: a local set before the method's own
     * first instruction and never written again, beyond the method's own locals ({@code slot >= maxLocals}).
     */
    static void addLocal(MethodNode m, int slot, String type) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof FrameNode f) {
                f.local = withLocal(f.local, slot, type);
            }
        }
    }

    /**
     * The frame of a catch-all handler over code where local {@code slot} holds {@code type}: that local, the
     * others unusable (whatever they hold at the throwing instruction), the exception on the stack.
     */
    static FrameNode handler(int slot, String type) {
        List<Object> locals = withLocal(List.of(), slot, type);
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Throwable"});
    }

    /**
     * The node after which code that runs first at {@code label} goes: past the label's line numbers and its frame
     * (a frame names the instruction right after it, so code put before it would move the frame off the label).
     */
    static AbstractInsnNode codeStart(LabelNode label) {
        AbstractInsnNode at = label;
        while (at.getNext() instanceof LineNumberNode || at.getNext() instanceof FrameNode) {
            at = at.getNext();
        }
        return at;
    }

    private static List<Object> withLocal(List<Object> locals, int slot, Object type) {
        List<Object> out = new ArrayList<>(locals.size() + 2);
        int used = 0;
        for (Object t : locals) {
            out.add(t);
            used += Opcodes.LONG.equals(t) || Opcodes.DOUBLE.equals(t) ? 2 : 1; // one entry, two slots
        }
        for (; used < slot; used++) {
            out.add(Opcodes.TOP);
        }
        out.add(type);
        return out;
    }
}
