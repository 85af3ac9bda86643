package io.jfrtrace.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.jfrtrace.runtime.LineRegistry;
import io.jfrtrace.schema.FrameNames;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class: runs the weavers this run needs on every method with a body, each adding
 * one concern's calls into the runtime (int ids only): call frames, call-line stores, built-in
 * calls, allocation sites. See {@link Weaver}.
 */
final class ClassInstrumenter {
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
    /** Allocation traceback limit, 0 = allocation tracing off. */
    private final int allocFrames;
    private final boolean lines;
    /** {@code record} mode: classes woven at load get the line holder's members (see LineHolderMembers). */
    private final boolean lineHolders;
    private final List<Weaver> weavers;
    /** Whether every weaver keeps the frames right: classes are then read with their frames and written without ASM's computation. */
    private final boolean keepsFrames;

    /**
     * @param traceSources with {@code --trace}, where the traced lines' text comes from; null: no line tracing
     */
    ClassInstrumenter(boolean builtins, OwnerFilter owners, BuiltinRegistry builtinIds, boolean profile,
                      int allocFrames, boolean lines, SourceFiles traceSources) {
        this(builtins, owners, builtinIds, profile ? FrameHooks.PROFILE : null, allocFrames, lines, false, traceSources);
    }

    /**
     * @param profileHooks the call profile's frame hooks ({@link FrameHooks#PROFILE}, {@link FrameHooks#CALIBRATED} with
     *                     --calibrate, {@link FrameHooks#TREE} with --call-tree, or {@link FrameHooks#COUNT} without builtins and allocation tracing); null: no
     *                     call profiling
     * @param lineHolders  with {@code lines}, whether classes get a static holder of their line counts (record mode:
     *                     not under attach, whose retransformations cannot add or remove members)
     */
    ClassInstrumenter(boolean builtins, OwnerFilter owners, BuiltinRegistry builtinIds, FrameHooks profileHooks,
                      int allocFrames, boolean lines, boolean lineHolders, SourceFiles traceSources) {
        boolean profile = profileHooks != null;
        this.builtins = builtins && profile;
        this.owners = owners;
        this.builtinIds = builtinIds;
        this.allocFrames = allocFrames;
        this.lines = lines;
        this.lineHolders = lineHolders;
        this.weavers = weavers(profileHooks, this.builtins, allocFrames, lines, traceSources);
        this.keepsFrames = weavers.stream().allMatch(Weaver::keepsFrames);
    }

    /**
     * The weavers of a run, in the order they run. The frame comes first (the others use its
     * state); a call's line is stored before a built-in's frame is pushed for it, and both go right
     * before the call, so the line weaver runs before the built-in one; an allocating call's hook
     * goes after its built-in wrapper, so the allocation weaver runs last.
     */
    private List<Weaver> weavers(FrameHooks profileHooks, boolean withBuiltins, int allocFrames, boolean lines,
                                 SourceFiles traceSources) {
        boolean profile = profileHooks != null;
        List<Weaver> w = new ArrayList<>();
        if (profile) {
            w.add(new FrameWeaver(profileHooks, false));
        } else if (allocFrames > 1) {
            w.add(new FrameWeaver(FrameHooks.LIGHT, true));
        }
        if (allocFrames > 1) {
            w.add(new CallLineWeaver());
        }
        if (withBuiltins) {
            w.add(new BuiltinCallWeaver(owners, builtinIds));
        }
        if (allocFrames > 0) {
            w.add(new AllocSiteWeaver(owners, profileHooks != null, allocFrames > 1));
        }
        if (lines) {
            w.add(new LineCountWeaver()); // its code goes at the start and after line entries only: any place in the list
        }
        if (traceSources != null) {
            w.add(new LineTraceWeaver(traceSources)); // likewise
        }
        return List.copyOf(w);
    }

    /** Returns the instrumented class file, or null if there is nothing to instrument. */
    byte[] instrument(byte[] classfile, ClassLoader loader) {
        return instrument(classfile, loader, null);
    }

    /**
     * Returns the instrumented class file, or null if there is nothing to instrument.
     *
     * @param redefined the loaded class being retransformed, null when it is being loaded
     */
    byte[] instrument(byte[] classfile, ClassLoader loader, Class<?> redefined) {
        ClassNode cn = read(classfile);
        if ((cn.access & (Opcodes.ACC_MODULE)) != 0 || cn.name.endsWith("package-info")) {
            return null;
        }
        String file = sourcePath(cn);
        // the class hierarchy, read only for built-ins' dispatch targets and for ASM's frame computation
        ClassHeaders headers = builtins || !keepsFrames ? new ClassHeaders(loader) : null;
        if (headers != null) {
            headers.declare(cn.name, cn.superName, cn.interfaces, (cn.access & Opcodes.ACC_INTERFACE) != 0);
        }
        Map<String, long[]> targets = builtins ? dispatchTargets(cn, headers) : Map.of();
        LineFetch fetch = lines ? lineFetch(cn, redefined) : LineFetch.CALL;
        WovenClass cls = new WovenClass(cn.name, file, cn.name.replace('/', '.'), targets,
                allocFrames > 0 ? initCalls(classfile) : Map.of(),
                lines ? lineSlots(cn, file, fetch) : null, StackMapFrames.carried(cn.version));
        boolean any = false;
        for (MethodNode m : cn.methods) {
            if (!woven(m)) {
                continue;
            }
            for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                int op = n.getOpcode();
                if (op == Opcodes.JSR || op == Opcodes.RET) {
                    throw new Unsupported("JSR/RET in " + m.name + m.desc);
                }
            }
            MethodWeave w = new MethodWeave(cls, m);
            for (Weaver v : weavers) {
                any |= v.weave(w);
            }
        }
        if (fetch == LineFetch.KEPT || fetch == LineFetch.HOLDER && cls.lineSlots() != null) {
            LineHolderMembers.add(cn, cls.lineSlots(), fetch);
            any = true;
        }
        if (!any) {
            return null;
        }
        return write(cn, headers);
    }

    /** The class, its frames expanded when the weavers keep them, else left out (ASM computes them anew). */
    private ClassNode read(byte[] classfile) {
        ClassNode cn = new ClassNode();
        new ClassReader(classfile).accept(cn, keepsFrames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES);
        return cn;
    }

    /** @param headers the class hierarchy for ASM's frame computation; unused (may be null) when the weavers keep the frames */
    private byte[] write(ClassNode cn, ClassHeaders headers) {
        ClassWriter cw = keepsFrames ? new ClassWriter(0) : new ResourceClassWriter(ClassWriter.COMPUTE_FRAMES, headers);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /**
     * Reads and writes class files the way {@link #instrument} does (the agent's own, never defined) until
     * {@code stop} says so, so that ASM's classes are loaded and its code compiled by the JIT before the program's
     * first classes arrive: in a short program the transformations otherwise run mostly in the interpreter (ANTLR's
     * tool spent about 0.4 s of its 1.2 s in them). See StartupWarmUp.
     */
    void warmUp(java.util.function.BooleanSupplier stop) {
        java.security.CodeSource source = ClassInstrumenter.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return;
        }
        ClassHeaders headers = new ClassHeaders(ClassInstrumenter.class.getClassLoader());
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(source.getLocation().toURI()))) {
            for (java.util.Enumeration<java.util.jar.JarEntry> e = jar.entries(); e.hasMoreElements() && !stop.getAsBoolean(); ) {
                java.util.jar.JarEntry entry = e.nextElement();
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                try (java.io.InputStream in = jar.getInputStream(entry)) {
                    write(read(in.readAllBytes()), headers);
                } catch (RuntimeException ignored) {
                    // a class ASM cannot write back: the next one
                }
            }
        } catch (Throwable ignored) {
            // only an optimisation
        }
    }

    /** Whether the weavers see this method: it has a body, and is not a bridge (a compiler's forwarding stub). */
    private static boolean woven(MethodNode m) {
        return (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0
                && m.instructions.size() != 0;
    }

    /**
     * The lines of the woven methods' line-number tables, registered with the runtime once per class (so a class
     * that never runs still has its executable lines); null when there are none.
     */
    private static LineSlots lineSlots(ClassNode cn, String file, LineFetch fetch) {
        TreeSet<Integer> all = new TreeSet<>();
        for (MethodNode m : cn.methods) {
            if (woven(m)) {
                for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                    if (n instanceof LineNumberNode ln) {
                        all.add(ln.line);
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        int[] lines = all.stream().mapToInt(Integer::intValue).toArray();
        return new LineSlots(LineRegistry.register(file, cn.name.replace('/', '.'), lines), lines, fetch);
    }

    /**
     * How the class's methods fetch their line counts: through a holder of its own in record mode, except in
     * interfaces (whose fields are public final) and when a retransformation finds the class without the holder;
     * with the holder's members kept but unused when it finds them.
     */
    private LineFetch lineFetch(ClassNode cn, Class<?> redefined) {
        if (!lineHolders || (cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return LineFetch.CALL;
        }
        if (redefined != null) {
            return LineHolderMembers.declaredBy(redefined) ? LineFetch.KEPT : LineFetch.CALL;
        }
        return LineHolderMembers.clash(cn) ? LineFetch.CALL : LineFetch.HOLDER;
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

    /** {@code com/example/Fib.java}, named by {@link FrameNames}. */
    static String sourcePath(ClassNode cn) {
        return FrameNames.file(cn.name.replace('/', '.'), cn.sourceFile);
    }

    /** Per method, the constructor calls that complete a NEW (see AllocSites); none if the stack cannot be simulated. */
    private static Map<String, Set<Integer>> initCalls(byte[] classfile) {
        try {
            return AllocSites.initCalls(classfile);
        } catch (RuntimeException e) {
            return Map.of(); // no NEW sites in this class
        }
    }
}
