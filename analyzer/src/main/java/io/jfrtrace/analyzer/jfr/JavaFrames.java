package io.jfrtrace.analyzer.jfr;

import java.util.List;

import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCType;

import io.jfrtrace.schema.FrameNames;

/**
 * Names JVM frames of stock JFR stack traces the way our own events name them ({@link FrameNames}):
 * file = the source path the package implies ({@code com/example/Outer.java} for
 * {@code com.example.Outer$Inner}), function = {@code Outer$Inner.method}.
 */
public final class JavaFrames {
    private JavaFrames() {
    }

    public static String file(IMCFrame frame) {
        IMCMethod m = frame.getMethod();
        return m == null || m.getType() == null ? "<unknown>" : fileOf(className(m));
    }

    /** The dotted name of the method's class (see {@link #typeName}). */
    static String className(IMCMethod m) {
        return typeName(m.getType());
    }

    /**
     * A class's dotted name ({@code byte[]} for arrays). A class constant without a name exists only in a corrupt
     * recording (JMC then fails inside its name conversion): that is an IllegalArgumentException, which
     * {@link ChunkedRecording#forEachChunk} reports as corrupt data.
     */
    static String typeName(IMCType type) {
        String name;
        try {
            name = type.getFullName();
        } catch (NullPointerException unnamed) {
            name = null;
        }
        if (name == null) {
            throw new IllegalArgumentException("a class constant has no name");
        }
        return name;
    }

    /** The packages of what jfr-trace runs inside a recorded program: the agent, its runtime and API, its shaded ASM. */
    private static final List<String> AGENT_PACKAGES = List.of("io.jfrtrace.recorder.",
            "io.jfrtrace.runtime.", "io.jfrtrace.api.", "io.jfrtrace.shaded.");

    /** A frame of jfr-trace's own code in the recorded program (see {@link #isAgentClass}). */
    static boolean isJfrTrace(IMCFrame frame) {
        IMCMethod m = frame.getMethod();
        return m != null && m.getType() != null && isAgentClass(className(m));
    }

    /** A class (dotted name, or the file path a frame gives) of the agent jfr-trace runs in the recorded program. */
    static boolean isAgentClass(String name) {
        String dotted = name.replace('/', '.');
        return AGENT_PACKAGES.stream().anyMatch(dotted::startsWith);
    }

    public static int line(IMCFrame frame) {
        Integer line = frame.getFrameLineNumber();
        return line == null || line < 0 ? 0 : line;
    }

    /** {@code com.example.Outer$Inner} and {@code run} → {@code Outer$Inner.run} ({@link FrameNames}). */
    public static String functionName(String className, String method) {
        return FrameNames.function(className, method);
    }

    /** {@code com.example.Outer$Inner} → {@code com/example/Outer.java} ({@link FrameNames}: stock frames carry no source file). */
    public static String fileOf(String className) {
        return FrameNames.file(className, null);
    }
}
