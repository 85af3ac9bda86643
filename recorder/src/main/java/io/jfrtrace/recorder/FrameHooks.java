package io.jfrtrace.recorder;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The runtime class a method's frame hooks go to and the thread state its entry hook returns (kept
 * in a local, handed back to the others): {@code enter(I)STATE} (or {@code enterTarget}), and
 * {@code exit}, {@code resume}, {@code line}, each {@code (STATE, I)V}.
 */
record FrameHooks(String owner, String state) {
    static final String PROFILER = "io/jfrtrace/runtime/Profiler";
    static final String TREE_PROFILER = "io/jfrtrace/runtime/TreeProfiler";
    static final String THREAD_PROFILE = "io/jfrtrace/runtime/ThreadProfile";
    static final String ALLOC_TRACKER = "io/jfrtrace/runtime/AllocTracker";
    static final String ALLOC_THREAD = "io/jfrtrace/runtime/AllocThread";
    static final String CALL_COUNTER = "io/jfrtrace/runtime/CallCounter";
    static final String THREAD_COUNTS = "io/jfrtrace/runtime/ThreadCounts";

    /** Call profiling: Profiler's hooks on a ThreadProfile (clock reads, the _lsprof tables). */
    static final FrameHooks PROFILE = new FrameHooks(PROFILER, THREAD_PROFILE);
    /** Call profiling with --calibrate: CalibratedProfiler's hooks, the same but on a clock less the calls' cost. */
    static final FrameHooks CALIBRATED = new FrameHooks("io/jfrtrace/runtime/CalibratedProfiler", THREAD_PROFILE);
    /** Call counting without a clock ({@code --timer count}): CallCounter's hooks on a ThreadCounts. */
    static final FrameHooks COUNT = new FrameHooks(CALL_COUNTER, THREAD_COUNTS);
    /** Call profiling with a calling-context tree ({@code --call-tree}): TreeProfiler's hooks on the same ThreadProfile. */
    static final FrameHooks TREE = new FrameHooks(TREE_PROFILER, THREAD_PROFILE);
    /** The light shadow stack for NFRAME &gt; 1 without call profiling: AllocTracker's hooks on an AllocThread. */
    static final FrameHooks LIGHT = new FrameHooks(ALLOC_TRACKER, ALLOC_THREAD);

    String enterDesc() {
        return "(I)L" + state + ";";
    }

    /** {@code aload state; push arg; invokestatic owner.hook(STATE, I)V}. */
    InsnList call(String hook, int stateLocal, int arg) {
        InsnList l = new InsnList();
        l.add(new VarInsnNode(Opcodes.ALOAD, stateLocal));
        l.add(IntConstant.push(arg));
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner, hook, "(L" + state + ";I)V", false));
        return l;
    }
}
