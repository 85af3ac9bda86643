package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import io.jfrtrace.runtime.Tracebacks;
import io.jfrtrace.runtime.DispatchKeys;
import io.jfrtrace.runtime.FunctionRegistry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one class: every method with a body calls {@code Profiler.enter} first, {@code
 * Profiler.exit} before each return, and a catch-all handler calls exit and rethrows. With
 * builtins, calls into uninstrumented classes are wrapped in enterBuiltin/exitBuiltin, and methods
 * such calls may land in directly (overrides, lambda bodies) enter through enterTarget.
 * Allocation tracing with NFRAME &gt; 1 and call profiling off uses the same shape with the
 * light hooks of {@code AllocTracker} (a push/pop of the function id, no clock); allocation
 * sites call {@code AllocTracker.site|deep} with the object on top of the stack.
 */
final class ClassInstrumenter {
    static final String PROFILER = "io/jfrtrace/runtime/Profiler";
    static final String TP = "io/jfrtrace/runtime/ThreadProfile";
    static final String ENTER_DESC = "(I)L" + TP + ";";
    static final String EXIT_DESC = "(L" + TP + ";I)V";
    /** enterBuiltin / exitBuiltin: the thread's profile and the call's key (BuiltinRegistry.callKey). */
    static final String BUILTIN_DESC = "(L" + TP + ";J)V";
    static final String ALLOC = "io/jfrtrace/runtime/AllocTracker";
    static final String AT = "io/jfrtrace/runtime/AllocThread";

    /** The runtime calls a method's entry/exit/handler/call-site hooks go to. */
    record Hooks(String owner, String state) {
        String enterDesc() {
            return "(I)L" + state + ";";
        }

        String exitDesc() {
            return "(L" + state + ";I)V";
        }
    }

    /** Call profiling: Profiler.enter/exit/resume/line on a ThreadProfile. */
    static final Hooks PROFILE = new Hooks(PROFILER, TP);
    /** Light shadow stack for NFRAME &gt; 1 without call profiling: AllocTracker.enter/exit/resume/line. */
    static final Hooks LIGHT = new Hooks(ALLOC, AT);

    /** Decides whether calls to a class go to instrumented code (internal name). */
    interface OwnerFilter {
        boolean isInstrumented(String internalName);
    }

    /** Thrown for classes we deliberately leave alone. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String msg) {
            super(msg, null, false, false);
        }
    }

    private final boolean builtins;
    private final OwnerFilter owners;
    private final BuiltinRegistry builtinIds;
    private final boolean profile;
    /** Allocation traceback limit, 0 = allocation tracing off. */
    private final int allocFrames;

    ClassInstrumenter(boolean builtins, OwnerFilter owners, BuiltinRegistry builtinIds) {
        this(builtins, owners, builtinIds, true, 0);
    }

    ClassInstrumenter(boolean builtins, OwnerFilter owners, BuiltinRegistry builtinIds, boolean profile,
                      int allocFrames) {
        this.builtins = builtins && profile;
        this.owners = owners;
        this.builtinIds = builtinIds;
        this.profile = profile;
        this.allocFrames = allocFrames;
    }

    /** Returns the instrumented class file, or null if there is nothing to instrument. */
    byte[] instrument(byte[] classfile, ClassLoader loader) {
        ClassReader cr = new ClassReader(classfile);
        ClassNode cn = new ClassNode();
        cr.accept(cn, ClassReader.SKIP_FRAMES);
        if ((cn.access & (Opcodes.ACC_MODULE)) != 0 || cn.name.endsWith("package-info")) {
            return null;
        }
        String file = sourcePath(cn);
        ClassHeaders headers = new ClassHeaders(loader);
        headers.declare(cn.name, cn.superName, cn.interfaces, (cn.access & Opcodes.ACC_INTERFACE) != 0);
        Map<String, long[]> targets = builtins ? dispatchTargets(cn, headers) : Map.of();
        int slash = cn.name.lastIndexOf('/');
        String simple = cn.name.substring(slash + 1);
        boolean any = false;
        java.util.Map<String, java.util.Set<Integer>> inits = java.util.Map.of();
        if (allocFrames > 0) {
            try {
                inits = AllocSites.initCalls(classfile);
            } catch (RuntimeException e) {
                inits = java.util.Map.of(); // cannot simulate the stack: no NEW sites in this class
            }
        }
        List<MethodNode> methods = cn.methods;
        for (int i = 0; i < methods.size(); i++) {
            MethodNode m = methods.get(i);
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
                    || m.instructions.size() == 0) {
                continue;
            }
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                int op = n.getOpcode();
                if (op == Opcodes.JSR || op == Opcodes.RET) {
                    throw new Unsupported("JSR/RET in " + m.name + m.desc);
                }
            }
            List<AllocSites.Site> sites = allocFrames > 0
                    ? AllocSites.find(m, inits.get(m.name + m.desc), owners) : List.of();
            int tp = -1;
            // builtin-wrapped call -> the label after its wrapper (where its result is back on the stack)
            java.util.Map<AbstractInsnNode, AbstractInsnNode> wrappedAfter = new java.util.HashMap<>();
            boolean light = !profile && allocFrames > 1;
            if (profile || (light && !isLeaf(cn.name, m))) {
                int first = firstLine(m);
                int id = FunctionRegistry.register(file, first, simple + "." + m.name);
                int slot = m.maxLocals;
                long[] keys = targets.get(m.name + m.desc);
                if (keys != null) {
                    DispatchKeys.add(id, keys);
                }
                MethodNode done = instrumentMethod(cn, m, id, first, wrappedAfter, profile ? PROFILE : LIGHT,
                        keys != null ? "enterTarget" : "enter");
                if (done != null) {
                    methods.set(i, done);
                    any = true;
                    tp = slot;
                }
            } else if (!profile && allocFrames == 1 && !sites.isEmpty()) {
                // a local caching this thread's AllocThread: null until the activation's first allocation
                tp = m.maxLocals;
                m.maxLocals = tp + 1;
                InsnList init = new InsnList();
                init.add(new InsnNode(Opcodes.ACONST_NULL));
                init.add(new VarInsnNode(Opcodes.ASTORE, tp));
                m.instructions.insert(init);
            }
            for (AllocSites.Site site : sites) {
                insertAllocHook(m, site, file, tp, wrappedAfter);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        ResourceClassWriter cw = new ResourceClassWriter(ClassWriter.COMPUTE_FRAMES, headers);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /**
     * Per method, the built-in calls that land in it directly (see DispatchTargets); none if the
     * hierarchy cannot be read: those calls then keep their built-in entries.
     */
    private Map<String, long[]> dispatchTargets(ClassNode cn, ClassHeaders headers) {
        try {
            return new DispatchTargets(headers, owners, builtinIds).of(cn);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** {@code com/example/Fib.java}: package path + SourceFile, else outer class name + .java. */
    static String sourcePath(ClassNode cn) {
        int slash = cn.name.lastIndexOf('/');
        String pkg = slash < 0 ? "" : cn.name.substring(0, slash + 1);
        String src = cn.sourceFile;
        if (src == null || src.isEmpty()) {
            String simple = cn.name.substring(slash + 1);
            int dollar = simple.indexOf('$');
            if (dollar > 0) {
                simple = simple.substring(0, dollar);
            }
            src = simple + ".java";
        }
        return pkg + src;
    }

    static int firstLine(MethodNode m) {
        int min = Integer.MAX_VALUE;
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
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
    static boolean isLeaf(String owner, MethodNode m) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
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

    /** Final JDK classes whose methods run no application code when given only primitives and Strings. */
    private static final java.util.Set<String> CLOSED_OWNERS = java.util.Set.of("java/lang/String",
            "java/lang/Character", "java/lang/Math", "java/lang/StrictMath", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Double", "java/lang/Float", "java/lang/Boolean");

    /**
     * True for calls like {@code String.charAt} or {@code Integer.parseInt(String)}: no frame of an instrumented
     * method can open below them, so the caller's line need not be stored for tracebacks first. Such calls sit
     * in inner loops, where the store would cost most. Property lookups (Integer.getInteger...) are excluded.
     */
    static boolean cannotReachApplicationCode(MethodInsnNode mi) {
        if (!CLOSED_OWNERS.contains(mi.owner)
                || mi.name.startsWith("get") && !mi.name.equals("getChars") && !mi.name.equals("getNumericValue")) {
            return false; // getInteger/getLong/getBoolean read system properties; getBytes(charset) looks providers up
        }
        for (Type t : Type.getArgumentTypes(mi.desc)) {
            int sort = t.getSort();
            if (sort == Type.OBJECT) {
                if (!t.getInternalName().equals("java/lang/String") || mi.name.equals("<init>")) {
                    return false; // new String(bytes, charsetName) looks charset providers up too
                }
            } else if (sort == Type.ARRAY && t.getElementType().getSort() == Type.OBJECT) {
                return false; // String.format(..., Object...) and the like call toString()
            }
        }
        return true;
    }

    private MethodNode instrumentMethod(ClassNode cn, MethodNode m, int id, int first,
                                        java.util.Map<AbstractInsnNode, AbstractInsnNode> wrappedAfter, Hooks hooks,
                                        String enterHook) {
        boolean ctor = "<init>".equals(m.name);
        MethodNode mn = m;
        AbstractInsnNode afterSuper = null;
        if (ctor) {
            afterSuper = findSuperCall(m);
            if (afterSuper == null) {
                return null; // no super()/this() found: leave the constructor alone
            }
        }

        int tp = mn.maxLocals;
        mn.maxLocals = tp + 1;
        InsnList code = mn.instructions;

        // collect the original instructions before inserting anything
        List<AbstractInsnNode> originals = new ArrayList<>(code.size());
        for (ListIterator<AbstractInsnNode> it = code.iterator(); it.hasNext();) {
            originals.add(it.next());
        }

        LabelNode tryStart = new LabelNode();
        InsnList enter = new InsnList();
        if (!ctor && first > 0) {
            // The entry hook runs before the method's first line entry: give it that line, so that an
            // exception raised in the hook (a StackOverflowError at the deepest call) shows a line, not -1.
            LabelNode at = new LabelNode();
            enter.add(at);
            enter.add(new LineNumberNode(first, at));
        }
        enter.add(pushInt(id));
        enter.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks.owner(), enterHook, hooks.enterDesc(), false));
        enter.add(new VarInsnNode(Opcodes.ASTORE, tp));
        if (!ctor) {
            enter.add(tryStart);
        }
        code.insert(enter);
        if (ctor) {
            code.insert(afterSuper, tryStart);
        }

        List<TryCatchBlockNode> inner = new ArrayList<>();
        boolean initialized = !ctor;
        boolean storeLines = allocFrames > 1;
        int line = 0;
        for (AbstractInsnNode n : originals) {
            int op = n.getOpcode();
            if (n instanceof LineNumberNode) {
                line = ((LineNumberNode) n).line;
            } else if (storeLines && line > 0 && (n instanceof InvokeDynamicInsnNode
                    || (n instanceof MethodInsnNode && !cannotReachApplicationCode((MethodInsnNode) n)))) {
                InsnList st = new InsnList();
                st.add(new VarInsnNode(Opcodes.ALOAD, tp));
                st.add(pushInt(line));
                st.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks.owner(), "line", hooks.exitDesc(), false));
                code.insertBefore(n, st);
            }
            if (n == afterSuper) {
                initialized = true;
                continue;
            }
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                code.insertBefore(n, exitCall(hooks, tp, id, "exit"));
            } else if (builtins && initialized && n instanceof MethodInsnNode) {
                MethodInsnNode mi = (MethodInsnNode) n;
                if (!"<init>".equals(mi.name) && !owners.isInstrumented(mi.owner)) {
                    long key = builtinIds.callKey(mi.owner, mi.name, mi.desc, op);
                    wrappedAfter.put(mi, wrapBuiltin(code, mi, tp, key, inner));
                }
            }
        }

        // original exception handlers first resynchronize the shadow stack
        java.util.Set<LabelNode> handlers = new java.util.HashSet<>();
        if (mn.tryCatchBlocks != null) {
            for (TryCatchBlockNode tcb : mn.tryCatchBlocks) {
                if (handlers.add(tcb.handler)) {
                    code.insert(tcb.handler, exitCall(hooks, tp, id, "resume"));
                }
            }
        }

        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        code.add(tryEnd);
        code.add(handler);
        code.add(exitCall(hooks, tp, id, "exit"));
        code.add(new InsnNode(Opcodes.ATHROW));
        if (mn.tryCatchBlocks == null) {
            mn.tryCatchBlocks = new ArrayList<>();
        }
        mn.tryCatchBlocks.addAll(0, inner); // innermost first
        mn.tryCatchBlocks.add(new TryCatchBlockNode(tryStart, tryEnd, handler, null));
        return mn;
    }

    /**
     * The invokespecial that initializes {@code this} in a constructor (super() or this()),
     * found by running ASM's AdviceAdapter (which simulates the stack) as a detector.
     */
    static AbstractInsnNode findSuperCall(MethodNode m) {
        int[] seen = new int[1];
        int[] at = {-1};
        MethodVisitorCounter counter = new MethodVisitorCounter(seen);
        m.accept(new AdviceAdapter(Opcodes.ASM9, counter, m.access, m.name, m.desc) {
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

    /** Counts visited method instructions. */
    static final class MethodVisitorCounter extends org.objectweb.asm.MethodVisitor {
        private final int[] seen;

        MethodVisitorCounter(int[] seen) {
            super(Opcodes.ASM9);
            this.seen = seen;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            seen[0]++;
        }
    }

    /**
     * enterBuiltin; [s: invoke :e] exitBuiltin; goto after; h: exitBuiltin; athrow; after:
     * The handler sits right after the call so its rethrow is covered by the same original
     * handlers as the call itself.
     */
    private static LabelNode wrapBuiltin(InsnList code, MethodInsnNode call, int tp, long key,
                                         List<TryCatchBlockNode> inner) {
        LabelNode s = new LabelNode();
        LabelNode e = new LabelNode();
        LabelNode h = new LabelNode();
        LabelNode after = new LabelNode();
        InsnList before = new InsnList();
        before.add(new VarInsnNode(Opcodes.ALOAD, tp));
        before.add(new LdcInsnNode(key));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, PROFILER, "enterBuiltin", BUILTIN_DESC, false));
        before.add(s);
        code.insertBefore(call, before);
        InsnList post = new InsnList();
        post.add(e);
        post.add(exitBuiltin(tp, key));
        post.add(new JumpInsnNode(Opcodes.GOTO, after));
        post.add(h);
        post.add(exitBuiltin(tp, key));
        post.add(new InsnNode(Opcodes.ATHROW));
        post.add(after);
        code.insert(call, post);
        inner.add(new TryCatchBlockNode(s, e, h, null));
        return after;
    }

    /**
     * After the site's instruction (or after its builtin wrapper) the new object is on top of
     * the stack: {@code dup; push id; [aload tp;] invokestatic AllocTracker.site|deep}; with
     * NFRAME = 1 and no call profiling, {@code site} returns the thread state for the local {@code tp}.
     */
    private void insertAllocHook(MethodNode m, AllocSites.Site site, String file, int tp,
                                 java.util.Map<AbstractInsnNode, AbstractInsnNode> wrappedAfter) {
        boolean deep = allocFrames > 1;
        int id = deep ? Tracebacks.location(file, site.line()) : Tracebacks.siteTraceback(file, site.line());
        InsnList l = new InsnList();
        l.add(new InsnNode(Opcodes.DUP));
        l.add(pushInt(id));
        String desc = "(Ljava/lang/Object;I)V";
        if (tp >= 0) {
            l.add(new VarInsnNode(Opcodes.ALOAD, tp));
            desc = "(Ljava/lang/Object;IL" + (profile ? TP : AT) + ";)" + (profile || deep ? "V" : "L" + AT + ";");
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, ALLOC, deep ? "deep" : "site", desc, false));
        if (tp >= 0 && !profile && !deep) {
            l.add(new VarInsnNode(Opcodes.ASTORE, tp));
        }
        AbstractInsnNode at = wrappedAfter.getOrDefault(site.after(), site.after());
        m.instructions.insert(at, l);
    }

    private static InsnList exitBuiltin(int tp, long key) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, tp));
        l.add(new LdcInsnNode(key));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, PROFILER, "exitBuiltin", BUILTIN_DESC, false));
        return l;
    }

    private static InsnList exitCall(Hooks hooks, int tp, int id, String method) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, tp));
        l.add(pushInt(id));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, hooks.owner(), method, hooks.exitDesc(), false));
        return l;
    }

    private static AbstractInsnNode pushInt(int v) {
        if (v >= -1 && v <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + v);
        }
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, v);
        }
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, v);
        }
        return new LdcInsnNode(v);
    }
}
