package io.jfrtrace.analyzer.jfr;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.jfrtrace.analyzer.pstats.FunctionKey;

import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

/**
 * The names behind the ids of one chunk's bulk events (stack traces, methods, classes), from the bulk reader's constant
 * pools, named as JMC names them. Valid only while its chunk is being read: resolve ids before the chunk ends.
 */
final class ChunkSymbols {
    private final JfrReader reader;
    private final Map<Long, String> classNames = new HashMap<>();
    private final Map<Long, String> methodNames = new HashMap<>();
    private final Map<Long, Method> methods = new HashMap<>();

    /**
     * A frame's method as the analyzer names it: its class ({@code com.example.Outer$Inner}, null if unknown), its name,
     * the source file its class implies ({@code com/example/Outer.java}), and whether it is jfr-trace's own code.
     */
    record Method(String className, String name, String file, boolean agent) {
        /** The method as {@code stats} keys a function: a built-in for native code, else its file, {@code line}, name. */
        FunctionKey functionKey(int line) {
            return className == null ? FunctionKey.builtin(name)
                    : new FunctionKey(file, line, JavaFrames.functionName(className, name));
        }
    }

    ChunkSymbols(JfrReader reader) {
        this.reader = reader;
    }

    /** A stack trace by id, most recent frame first; null if the chunk has none by that id (no stack recorded). */
    StackTrace stackTrace(int id) {
        return reader.stackTraces.get(id);
    }

    /** The dotted name of the class of a frame's method ({@code com.example.Outer$Inner}). */
    String frameClass(StackTrace trace, int frame) {
        MethodRef m = reader.methods.get(trace.methods[frame]);
        return m == null ? null : className(m.cls);
    }

    /** The method name of a frame ({@code <init>}, {@code lambda$main$0}). */
    String frameMethod(StackTrace trace, int frame) {
        MethodRef m = reader.methods.get(trace.methods[frame]);
        return m == null ? "???" : methodNames.computeIfAbsent(m.name, this::symbol);
    }

    /**
     * The method of a frame, named once per chunk. A frame of native code (a C or C++ function, the kernel: what
     * async-profiler records beside Java frames) has no Java class: its "class" is its library, and it is named
     * {@code <Rewriter::rewrite (libjvm.so)>} with no class (the symbol first, as flame graphs show it; the
     * library, when the recording names one, in parentheses after it).
     */
    Method method(StackTrace trace, int frame) {
        return method(trace.methods[frame], trace.types[frame]);
    }

    /** A method by the id an event gives it (a Java method: no frame type to say otherwise). */
    Method method(long methodId) {
        return method(methodId, (byte) -1);
    }

    private Method method(long methodId, byte frameType) {
        return methods.computeIfAbsent(methodId, id -> {
            MethodRef m = reader.methods.get(id);
            String cls = m == null ? null : className(m.cls);
            String name = m == null ? "???" : methodNames.computeIfAbsent(m.name, this::symbol);
            if (cls != null && isNativeCode(frameType, cls)) {
                return new Method(null, "<" + name + (cls.isEmpty() ? "" : " (" + cls + ")") + ">", "<unknown>", false);
            }
            return new Method(cls, name, cls == null ? "<unknown>" : JavaFrames.fileOf(cls),
                    cls != null && JavaFrames.isAgentClass(cls));
        });
    }

    /**
     * Whether a frame is native code rather than Java: its type is native, C++ or kernel, and its "class" is a library
     * ({@code libjvm.so}, {@code vdso}), not a Java class (a Java native method's frame is also of type native).
     */
    private boolean isNativeCode(byte type, String cls) {
        Map<Integer, String> types = reader.enums.get("jdk.types.FrameType");
        String description = types == null ? null : types.get((int) type);
        if (!"Native".equals(description) && !"C++".equals(description) && !"Kernel".equals(description)) {
            return false;
        }
        return cls.contains(".so") || !cls.contains(".") || cls.startsWith("[");
    }

    /** A frame's line number, -1 if the JVM recorded none. */
    static int frameLine(StackTrace trace, int frame) {
        int line = trace.locations[frame] >> 16;
        return Math.max(line, -1);
    }

    /**
     * A class by id, named as JMC names it: dots between packages, arrays as {@code byte[]} or
     * {@code java.lang.String[][]}; null if the chunk has no class by that id.
     */
    String className(long classId) {
        String known = classNames.get(classId);
        if (known == null && !classNames.containsKey(classId)) {
            ClassRef c = reader.classes.get(classId);
            known = c == null ? null : JvmNames.javaName(symbol(c.name));
            classNames.put(classId, known);
        }
        return known;
    }

    /** A thread's name by the id events give it (its Java name for a Java thread); null if the chunk has none. */
    String threadName(int tid) {
        return reader.threads.get(tid);
    }

    /** A time of the chunk's clock (ticks) as nanoseconds since the epoch. */
    long epochNanos(long ticks) {
        return reader.chunkStartNanos + (long) ((ticks - reader.chunkStartTicks) * reader.nanosPerTick);
    }

    /** A duration of the chunk's clock (ticks) in nanoseconds. */
    long nanos(long ticks) {
        return (long) (ticks * reader.nanosPerTick);
    }

    private String symbol(long id) {
        byte[] bytes = reader.symbols.get(id);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
