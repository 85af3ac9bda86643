package io.jfrtrace.recorder;

import java.util.List;

import io.jfrtrace.runtime.LineTracer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Live statement tracing ({@code trace --trace}): a weaver that prints, where {@link LineCountWeaver} counts. At the
 * method's start it prints python -m trace's call line ({@code " --- modulename: Demo, funcname: run"}: the module is
 * the source file's name without its extension, the function the method's name); after each entry of the
 * line-number table, the line ({@code "Demo.java(12): "} and the source line as linecache gives it, or nothing after
 * the colon when there is no source). Both texts are made here, once, and woven in as constants: a line costs one
 * static call, which prints.
 */
final class LineTraceWeaver implements Weaver {
    static final String TRACER = "io/jfrtrace/runtime/LineTracer";
    /** The longest string a class-file constant holds, in modified UTF-8 bytes. */
    private static final int MAX_CONSTANT = 65535;

    private final SourceFiles sources;

    LineTraceWeaver(SourceFiles sources) {
        this.sources = sources;
    }

    @Override
    public boolean weave(MethodWeave w) {
        String base = basename(w.cls.file());
        List<String> source = null;
        for (AbstractInsnNode n : w.originals) {
            if (n instanceof LineNumberNode ln) {
                if (source == null) {
                    source = sources.lines(w.cls.file());
                }
                String text = ln.line >= 1 && ln.line <= source.size() ? source.get(ln.line - 1) : "";
                w.method.instructions.insert(n, print(base + "(" + ln.line + "): " + text, "line"));
            }
        }
        // Before everything (also before a constructor's super() call: it does not touch this), as CPython's call
        // event comes before the function's first line.
        w.method.instructions.insert(print(" --- modulename: " + modname(base) + ", funcname: " + w.method.name + "\n",
                "call"));
        return true;
    }

    /** Pushes {@code text} (a constant, or a kept text when too long for one) and calls {@code LineTracer.hook}. */
    private static InsnList print(String text, String hook) {
        InsnList l = new InsnList();
        if (modifiedUtf8Length(text) <= MAX_CONSTANT) {
            l.add(new LdcInsnNode(text));
        } else {
            l.add(IntConstant.push(LineTracer.register(text)));
            l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TRACER, "text", "(I)Ljava/lang/String;", false));
        }
        l.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TRACER, hook, "(Ljava/lang/String;)V", false));
        return l;
    }

    /** {@code os.path.basename}: {@code Demo.java} of {@code com/example/Demo.java}. */
    static String basename(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** trace's {@code _modname}: the basename without its extension ({@code os.path.splitext}: leading dots are no extension). */
    static String modname(String base) {
        int dot = base.lastIndexOf('.');
        int first = 0;
        while (first < base.length() && base.charAt(first) == '.') {
            first++;
        }
        return first < dot ? base.substring(0, dot) : base; // a character other than '.' before the last dot
    }

    static int modifiedUtf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }
}
