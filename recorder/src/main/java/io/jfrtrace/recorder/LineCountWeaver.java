package io.jfrtrace.recorder;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Exact line counts ({@code record --lines}): at the method's start, one call fetches this thread's counters of the
 * class into a local (the runtime's lookup, or in {@code record} mode the class's own fetch method, which the JIT
 * inlines: see LineHolderMembers); after each entry of the line-number table, the line's slot is incremented in place (no call,
 * no lookup: a line costs a load, an add and a store). An entry is reached when execution starts the line or jumps
 * back to its start, so a loop's header line counts once more than its body, as in CPython.
 */
final class LineCountWeaver implements Weaver {
    static final String COUNTER = "io/jfrtrace/runtime/LineCounter";

    @Override
    public boolean weave(MethodWeave w) {
        LineSlots slots = w.cls.lineSlots();
        if (slots == null || w.originals.stream().noneMatch(n -> n instanceof LineNumberNode)) {
            return false;
        }
        int local = w.newLocal();
        InsnList head = new InsnList();
        if (slots.fetch() == LineFetch.CALL) {
            head.add(IntConstant.push(slots.classId()));
            head.add(IntConstant.push(slots.lines().length));
            head.add(new MethodInsnNode(Opcodes.INVOKESTATIC, COUNTER, "counts", "(II)[J", false));
        } else {
            head.add(new MethodInsnNode(Opcodes.INVOKESTATIC, w.cls.name(), LineHolderMembers.FETCH,
                    LineHolderMembers.COUNTS, false));
        }
        head.add(new VarInsnNode(Opcodes.ASTORE, local));
        for (AbstractInsnNode n : w.originals) {
            if (n instanceof LineNumberNode ln) {
                w.method.instructions.insert(n, increment(local, slots.slot(ln.line)));
            }
        }
        // Before everything (also before a constructor's super() call: it does not touch this), so the local is set
        // on every path, exception handlers included.
        w.method.instructions.insert(head);
        return true;
    }

    /** {@code counts[slot]++}. */
    private static InsnList increment(int local, int slot) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, local));
        l.add(IntConstant.push(slot));
        l.add(new InsnNode(Opcodes.DUP2));
        l.add(new InsnNode(Opcodes.LALOAD));
        l.add(new InsnNode(Opcodes.LCONST_1));
        l.add(new InsnNode(Opcodes.LADD));
        l.add(new InsnNode(Opcodes.LASTORE));
        return l;
    }
}
