package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.jfrtrace.runtime.DispatchKeys;
import io.jfrtrace.runtime.FunctionRegistry;
import io.jfrtrace.schema.FrameNames;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The method as a call on a shadow stack: registers the function, calls {@code enter} first (in a
 * constructor right after super()/this()) and keeps the thread state it returns in a new local,
 * {@code exit} before each return, {@code resume} first in each of its exception handlers (frames
 * an exception left open above it are gone), and a catch-all handler that calls {@code exit} and
 * rethrows. With call profiling the hooks are Profiler's, for every method; else those of the light
 * shadow stack (allocation tracebacks, NFRAME &gt; 1), which leaves out methods that can never be
 * below an allocation. It keeps the method's stack map frames and its maximum stack and locals right
 * ({@link StackMapFrames}), so a class only it weaves is written without ASM's frame computation.
 */
final class FrameWeaver implements Weaver {
    private final FrameHooks hooks;
    private final boolean skipLeaves;

    FrameWeaver(FrameHooks hooks, boolean skipLeaves) {
        this.hooks = hooks;
        this.skipLeaves = skipLeaves;
    }

    @Override
    public boolean keepsFrames() {
        return true;
    }

    @Override
    public boolean weave(MethodWeave w) {
        MethodNode m = w.method;
        if (skipLeaves && isLeaf(w.cls.name(), w.originals)) {
            return false;
        }
        int first = firstLine(w.originals);
        int id = FunctionRegistry.register(w.cls.file(), first, FrameNames.function(w.cls.dottedName(), m.name));
        long[] keys = w.cls.dispatchTargets().get(m.name + m.desc);
        if (keys != null) {
            DispatchKeys.add(id, keys);
        }
        boolean ctor = w.isConstructor();
        AbstractInsnNode superCall = null;
        if (ctor) {
            superCall = SuperCall.find(m);
            if (superCall == null) {
                return false; // leave the constructor's frame alone
            }
        }
        int state = w.newLocal();
        StackMapFrames.addLocal(m, state, hooks.state());
        m.maxStack = Math.max(m.maxStack + 2, 3); // a hook's two arguments over any stack; a handler's exception and them
        InsnList code = m.instructions;

        LabelNode tryStart = new LabelNode();
        InsnList enter = new InsnList();
        if (!ctor && first > 0) {
            // The entry hook runs before the method's first line entry: give it that line, so that an
            // exception raised in the hook (a StackOverflowError at the deepest call) shows a line, not -1.
            LabelNode at = new LabelNode();
            enter.add(at);
            enter.add(new LineNumberNode(first, at));
        }
        enter.add(IntConstant.push(id));
        // a method a built-in call may land in directly sets that call's pseudo-frames aside (see DispatchKeys)
        String enterHook = keys != null ? "enterTarget" : "enter";
        enter.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks.owner(), enterHook, hooks.enterDesc(), false));
        enter.add(new VarInsnNode(Opcodes.ASTORE, state));
        if (!ctor) {
            enter.add(tryStart);
        }
        code.insert(enter);
        if (ctor) {
            code.insert(superCall, tryStart);
        }

        for (AbstractInsnNode n : w.originals) {
            int op = n.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                code.insertBefore(n, hooks.call("exit", state, id));
            }
        }
        Set<LabelNode> handlers = new HashSet<>();
        for (TryCatchBlockNode tcb : w.originalHandlers) {
            if (handlers.add(tcb.handler)) {
                code.insert(StackMapFrames.codeStart(tcb.handler), hooks.call("resume", state, id));
            }
        }

        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        code.add(tryEnd);
        code.add(handler);
        if (w.cls.stackMaps()) {
            code.add(StackMapFrames.handler(state, hooks.state()));
        }
        code.add(hooks.call("exit", state, id));
        code.add(new InsnNode(Opcodes.ATHROW));
        if (m.tryCatchBlocks == null) {
            m.tryCatchBlocks = new ArrayList<>();
        }
        m.tryCatchBlocks.add(new TryCatchBlockNode(tryStart, tryEnd, handler, null));
        w.openFrame(new MethodWeave.Frame(hooks, id, state, superCall));
        return true;
    }

    /** The method's first line (the function's line in pstats), 0 without line numbers. */
    static int firstLine(List<AbstractInsnNode> code) {
        int min = Integer.MAX_VALUE;
        for (AbstractInsnNode n : code) {
            if (n instanceof LineNumberNode) {
                min = Math.min(min, ((LineNumberNode) n).line);
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /**
     * A method that can never be on the stack below an allocation: no call (but Object's
     * constructor), no allocation, no access to another class's statics (which could run its
     * static initializer). The light shadow stack leaves such methods (getters, arithmetic) alone.
     */
    static boolean isLeaf(String owner, List<AbstractInsnNode> code) {
        for (AbstractInsnNode n : code) {
            int op = n.getOpcode();
            if (n instanceof MethodInsnNode && op == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) n).name)
                    && "java/lang/Object".equals(((MethodInsnNode) n).owner)) {
                continue; // super() of a direct Object subclass runs no code
            }
            if (n instanceof MethodInsnNode || n instanceof InvokeDynamicInsnNode || op == Opcodes.NEW
                    || op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY
                    || (n instanceof LdcInsnNode && ((LdcInsnNode) n).cst instanceof ConstantDynamic)) {
                return false;
            }
            if ((op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC) && !owner.equals(((FieldInsnNode) n).owner)) {
                return false;
            }
        }
        return true;
    }
}
