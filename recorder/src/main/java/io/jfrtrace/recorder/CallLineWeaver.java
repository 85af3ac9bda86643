package io.jfrtrace.recorder;

import java.util.Set;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * For allocation tracebacks of more than one frame: before each call that may reach instrumented
 * code, the frame's {@code line} hook stores the line executing, which a traceback taken below
 * shows for this frame. Only in a method with a frame.
 */
final class CallLineWeaver implements Weaver {
    /** Final JDK classes whose methods run no application code when given only primitives and Strings. */
    private static final Set<String> CLOSED_OWNERS = Set.of("java/lang/String",
            "java/lang/Character", "java/lang/Math", "java/lang/StrictMath", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Double", "java/lang/Float", "java/lang/Boolean");

    @Override
    public boolean weave(MethodWeave w) {
        MethodWeave.Frame f = w.frame();
        if (f == null) {
            return false;
        }
        boolean changed = false;
        int line = 0;
        for (AbstractInsnNode n : w.originals) {
            if (n instanceof LineNumberNode) {
                line = ((LineNumberNode) n).line;
            } else if (line > 0 && (n instanceof InvokeDynamicInsnNode
                    || (n instanceof MethodInsnNode && !cannotReachApplicationCode((MethodInsnNode) n)))) {
                w.method.instructions.insertBefore(n, f.hooks().call("line", f.state(), line));
                changed = true;
            }
        }
        return changed;
    }

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
}
