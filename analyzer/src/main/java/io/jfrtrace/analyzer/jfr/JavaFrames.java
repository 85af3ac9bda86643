package io.jfrtrace.analyzer.jfr;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;

/**
 * Names JVM frames of stock JFR stack traces the way our own events name them (docs/events.md):
 * file = the source path the package implies ({@code com/example/Outer.java} for
 * {@code com.example.Outer$Inner}), function = {@code Outer$Inner.method}.
 */
public final class JavaFrames {
    private JavaFrames() {
    }

    public static String file(IMCFrame frame) {
        IMCMethod m = frame.getMethod();
        return m == null || m.getType() == null ? "<unknown>" : fileOf(m.getType().getFullName());
    }

    public static int line(IMCFrame frame) {
        Integer line = frame.getFrameLineNumber();
        return line == null || line < 0 ? 0 : line;
    }

    /** {@code com.example.Outer$Inner} → {@code com/example/Outer.java}. */
    public static String fileOf(String className) {
        // Cut at the first '$' before splitting off the package: hidden classes
        // (Foo$$Lambda$43/0x...) carry dots and slashes after it.
        int dollar = className.indexOf('$');
        String outer = dollar > 0 ? className.substring(0, dollar) : className;
        return outer.replace('.', '/') + ".java";
    }
}
