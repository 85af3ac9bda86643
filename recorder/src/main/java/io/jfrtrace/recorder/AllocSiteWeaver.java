package io.jfrtrace.recorder;

import java.util.List;

import io.jfrtrace.runtime.Tracebacks;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Allocation tracing: after each allocation site (see AllocSites; after a wrapped call's wrapper) the
 * new object is on top of the stack: {@code dup; push id; [aload state;] invokestatic
 * AllocTracker.site|deep}. The id is the site's one-frame traceback with NFRAME = 1, else its
 * location (the hook adds the outer frames from the shadow stack). The state is the frame's (a
 * ThreadProfile with call profiling, else the light stack's AllocThread); with NFRAME = 1 and no call
 * profiling a method has no frame, and keeps the AllocThread {@code site} returns in a local of its own.
 */
final class AllocSiteWeaver implements Weaver {
    private final ClassInstrumenter.OwnerFilter owners;
    /** Frames are the call profiler's: the state is a ThreadProfile. */
    private final boolean profile;
    /** NFRAME &gt; 1: the {@code deep} hooks. */
    private final boolean deep;

    AllocSiteWeaver(ClassInstrumenter.OwnerFilter owners, boolean profile, boolean deep) {
        this.owners = owners;
        this.profile = profile;
        this.deep = deep;
    }

    @Override
    public boolean weave(MethodWeave w) {
        List<AllocSites.Site> sites = AllocSites.find(w.originals,
                w.cls.initCalls().get(w.method.name + w.method.desc), owners);
        if (sites.isEmpty()) {
            return false;
        }
        int state = w.frame() != null ? w.frame().state() : -1;
        if (state < 0 && !profile && !deep) {
            // a local caching this thread's AllocThread: null until the activation's first allocation
            state = w.newLocal();
            InsnList init = new InsnList();
            init.add(new InsnNode(Opcodes.ACONST_NULL));
            init.add(new VarInsnNode(Opcodes.ASTORE, state));
            w.method.instructions.insert(init);
        }
        for (AllocSites.Site site : sites) {
            AbstractInsnNode at = w.resultAt.getOrDefault(site.after(), site.after());
            w.method.instructions.insert(at, hook(w.cls.file(), site.line(), state));
        }
        return true;
    }

    private InsnList hook(String file, int line, int state) {
        int id = deep ? Tracebacks.location(file, line) : Tracebacks.siteTraceback(file, line);
        InsnList l = new InsnList();
        l.add(new InsnNode(Opcodes.DUP));
        l.add(IntConstant.push(id));
        String desc = "(Ljava/lang/Object;I)V";
        if (state >= 0) {
            l.add(new VarInsnNode(Opcodes.ALOAD, state));
            String stateType = profile ? FrameHooks.THREAD_PROFILE : FrameHooks.ALLOC_THREAD;
            desc = "(Ljava/lang/Object;IL" + stateType + ";)" + (profile || deep ? "V" : "L" + FrameHooks.ALLOC_THREAD + ";");
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, FrameHooks.ALLOC_TRACKER, deep ? "deep" : "site", desc, false));
        if (state >= 0 && !profile && !deep) {
            l.add(new VarInsnNode(Opcodes.ASTORE, state));
        }
        return l;
    }
}
