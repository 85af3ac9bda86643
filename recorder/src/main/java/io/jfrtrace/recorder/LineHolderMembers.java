package io.jfrtrace.recorder;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What {@code record --lines} adds to a class so that a method's start fetches its thread's counts with a few loads
 * instead of the runtime's lookup (about five dependent loads: LineCounter.counts): a static field holding one
 * {@code LineHolder} (the thread that last ran the class, and its counts), and two methods:
 * <pre>
 * private static long[] FETCH() { LineHolder h = FIELD; if (h != null &amp;&amp; h.owner == Thread.currentThread()) return h.counts; return MISS(); }
 * private static long[] MISS()  { LineHolder h = LineCounter.holder(id, size); FIELD = h; return h.counts; }
 * </pre>
 * FETCH is 26 bytes of bytecode, under the JIT's always-inline size (35), so a prologue is a call the compilers
 * remove. Private, static and synthetic, as coverage tools make theirs: the default serialVersionUID leaves private
 * static members out, and frameworks that list members skip synthetic ones. Not for interfaces, whose fields are
 * public final.
 */
final class LineHolderMembers {
    static final String FIELD = "$jfrtraceLineHolder";
    static final String FETCH = "$jfrtraceLineCounts";
    static final String MISS = "$jfrtraceLineMiss";
    static final String COUNTS = "()[J";
    private static final String HOLDER = "io/jfrtrace/runtime/LineHolder";
    private static final String HOLDER_DESC = "L" + HOLDER + ";";

    private LineHolderMembers() {
    }

    /** Whether {@code cn} already has a member of ours (then it gets none: the weave falls back to the call). */
    static boolean clash(ClassNode cn) {
        return cn.fields.stream().anyMatch(f -> f.name.equals(FIELD))
                || cn.methods.stream().anyMatch(m -> m.name.equals(FETCH) || m.name.equals(MISS));
    }

    /** Whether a loaded class has the holder field (it was woven with it when it was loaded). */
    static boolean declaredBy(Class<?> c) {
        try {
            c.getDeclaredField(FIELD);
            return true;
        } catch (NoSuchFieldException | SecurityException | LinkageError e) {
            return false;
        }
    }

    /** Adds the field and both methods to {@code cn}; {@code slots} null only with KEPT and no counted line. */
    static void add(ClassNode cn, LineSlots slots, LineFetch fetch) {
        int priv = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        cn.fields.add(new FieldNode(priv | Opcodes.ACC_TRANSIENT, FIELD, HOLDER_DESC, null, null));
        cn.methods.add(method(priv, FETCH, fetch == LineFetch.HOLDER ? fetchBody(cn.name) : callBody(slots)));
        cn.methods.add(method(priv, MISS, fetch == LineFetch.HOLDER ? missBody(cn.name, slots) : callBody(slots)));
    }

    private static MethodNode method(int access, String name, InsnList body) {
        MethodNode m = new MethodNode(access, name, COUNTS, null, null);
        m.instructions.add(body);
        return m; // maxStack and frames: computed by the class writer
    }

    private static InsnList fetchBody(String owner) {
        LabelNode miss = new LabelNode();
        InsnList l = new InsnList();
        l.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, FIELD, HOLDER_DESC));
        l.add(new InsnNode(Opcodes.DUP));
        l.add(new JumpInsnNode(Opcodes.IFNULL, miss));
        l.add(new InsnNode(Opcodes.DUP));
        l.add(new FieldInsnNode(Opcodes.GETFIELD, HOLDER, "owner", "Ljava/lang/Thread;"));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Thread", "currentThread", "()Ljava/lang/Thread;", false));
        l.add(new JumpInsnNode(Opcodes.IF_ACMPNE, miss));
        l.add(new FieldInsnNode(Opcodes.GETFIELD, HOLDER, "counts", "[J"));
        l.add(new InsnNode(Opcodes.ARETURN));
        l.add(miss);
        l.add(new InsnNode(Opcodes.POP));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, MISS, COUNTS, false));
        l.add(new InsnNode(Opcodes.ARETURN));
        return l;
    }

    private static InsnList missBody(String owner, LineSlots slots) {
        InsnList l = new InsnList();
        l.add(IntConstant.push(slots.classId()));
        l.add(IntConstant.push(slots.lines().length));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LineCountWeaver.COUNTER, "holder", "(II)" + HOLDER_DESC, false));
        l.add(new InsnNode(Opcodes.DUP));
        l.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, FIELD, HOLDER_DESC));
        l.add(new FieldInsnNode(Opcodes.GETFIELD, HOLDER, "counts", "[J"));
        l.add(new InsnNode(Opcodes.ARETURN));
        return l;
    }

    /** KEPT: the runtime's lookup, as without the holder (null if the class has no counted line: never called). */
    private static InsnList callBody(LineSlots slots) {
        InsnList l = new InsnList();
        if (slots == null) {
            l.add(new InsnNode(Opcodes.ACONST_NULL));
        } else {
            l.add(IntConstant.push(slots.classId()));
            l.add(IntConstant.push(slots.lines().length));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, LineCountWeaver.COUNTER, "counts", "(II)[J", false));
        }
        l.add(new InsnNode(Opcodes.ARETURN));
        return l;
    }
}
