package io.jfrtrace.recorder;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The invokespecial that initializes {@code this} in a constructor (super() or this()): before it
 * the constructor may not use {@code this}, so a frame can open only after it. Found by running ASM's
 * AdviceAdapter (which simulates the stack) as a detector. A constructor with more than one such call
 * (Groovy compiles a super() whose arguments pick the constructor at run time as a switch over several)
 * has none that every path passes: a handler opened after the first would cover code where
 * {@code this} is still uninitialized on another path, which the verifier refuses.
 */
final class SuperCall {
    private SuperCall() {
    }

    /** The call in {@code m}, or null when it cannot be located or is not the only one. */
    static AbstractInsnNode find(MethodNode m) {
        if (initializationsOfThis(m) != 1) {
            return null;
        }
        int[] seen = new int[1];
        int[] at = {-1};
        m.accept(new AdviceAdapter(Opcodes.ASM9, new CallCounter(seen), m.access, m.name, m.desc) {
            @Override
            protected void onMethodEnter() {
                if (at[0] < 0) {
                    at[0] = seen[0];
                }
            }
        });
        if (at[0] <= 0) {
            return null;
        }
        int k = 0;
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode && ++k == at[0]) {
                MethodInsnNode mi = (MethodInsnNode) n;
                return mi.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(mi.name) ? n : null;
            }
        }
        return null;
    }

    /**
     * How many {@code invokespecial <init>} instructions initialize {@code this}: all of them but one per
     * {@code NEW} (an object the constructor creates is initialized once, as every compiler writes it).
     */
    private static int initializationsOfThis(MethodNode m) {
        int inits = 0;
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() == Opcodes.NEW) {
                inits--;
            } else if (n.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) n).name)) {
                inits++;
            }
        }
        return inits;
    }

    /** Counts the method instructions visited, to find the one AdviceAdapter entered after. */
    private static final class CallCounter extends MethodVisitor {
        private final int[] seen;

        CallCounter(int[] seen) {
            super(Opcodes.ASM9);
            this.seen = seen;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            seen[0]++;
        }
    }
}
