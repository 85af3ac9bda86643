package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * {@code --builtins}: each call from a profiled method into uninstrumented code (cProfile's
 * built-in functions) is wrapped in {@code Profiler.enterBuiltin}/{@code exitBuiltin}, also when it
 * ends by an exception. Constructor calls are left alone, and so is every call before a
 * constructor's super() or this() call (the frame opens after it).
 */
final class BuiltinCallWeaver implements Weaver {
    /** enterBuiltin / exitBuiltin: the thread's profile and the call's key (BuiltinRegistry.callKey). */
    private static final String DESC = "(L" + FrameHooks.THREAD_PROFILE + ";J)V";

    private final ClassInstrumenter.OwnerFilter owners;
    private final BuiltinRegistry builtinIds;
    BuiltinCallWeaver(ClassInstrumenter.OwnerFilter owners, BuiltinRegistry builtinIds) {
        this.owners = owners;
        this.builtinIds = builtinIds;
    }

    @Override
    public boolean weave(MethodWeave w) {
        MethodWeave.Frame f = w.frame();
        if (f == null) {
            return false;
        }
        List<TryCatchBlockNode> inner = new ArrayList<>();
        boolean initialized = f.superCall() == null;
        for (AbstractInsnNode n : w.originals) {
            if (n == f.superCall()) {
                initialized = true;
            } else if (initialized && n instanceof MethodInsnNode) {
                MethodInsnNode mi = (MethodInsnNode) n;
                if (!"<init>".equals(mi.name) && !owners.isInstrumented(mi.owner)) {
                    long key = builtinIds.callKey(mi.owner, mi.name, mi.desc, mi.getOpcode());
                    w.resultAt.put(mi, wrap(w.method.instructions, mi, f.hooks().owner(), f.state(), key, inner));
                }
            }
        }
        w.method.tryCatchBlocks.addAll(0, inner); // innermost first
        return !inner.isEmpty();
    }

    /**
     * enterBuiltin; [s: invoke :e] exitBuiltin; goto after; h: exitBuiltin; athrow; after:
     * The handler sits right after the call so its rethrow is covered by the same original
     * handlers as the call itself.
     */
    private static LabelNode wrap(InsnList code, MethodInsnNode call, String hooks, int state, long key,
                                  List<TryCatchBlockNode> inner) {
        LabelNode s = new LabelNode();
        LabelNode e = new LabelNode();
        LabelNode h = new LabelNode();
        LabelNode after = new LabelNode();
        InsnList before = new InsnList();
        before.add(new VarInsnNode(Opcodes.ALOAD, state));
        before.add(new LdcInsnNode(key));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks, "enterBuiltin", DESC, false));
        before.add(s);
        code.insertBefore(call, before);
        InsnList post = new InsnList();
        post.add(e);
        post.add(exitBuiltin(hooks, state, key));
        post.add(new JumpInsnNode(Opcodes.GOTO, after));
        post.add(h);
        post.add(exitBuiltin(hooks, state, key));
        post.add(new InsnNode(Opcodes.ATHROW));
        post.add(after);
        code.insert(call, post);
        inner.add(new TryCatchBlockNode(s, e, h, null));
        return after;
    }

    private static InsnList exitBuiltin(String hooks, int state, long key) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, state));
        l.add(new LdcInsnNode(key));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks, "exitBuiltin", DESC, false));
        return l;
    }
}
