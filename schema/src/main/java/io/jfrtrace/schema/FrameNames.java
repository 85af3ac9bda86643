package io.jfrtrace.schema;

/**
 * How jfr-trace names a Java frame, everywhere (pstats keys, tracebacks, dumps; docs/events.md "Frame names"):
 * file {@code com/example/Outer.java} (the source path the package implies), function {@code Outer$Inner.method}.
 *
 * <p>Class names come in several spellings: {@code Class.getName} and stack traces give a hidden class as
 * {@code pkg.Foo$$Lambda$14/0x0000000800c03000}, JFR's constant pool as {@code pkg.Foo$$Lambda$14+0x00007f...},
 * sometimes with {@code .193064360} after it. Neither '/' nor '+' occurs in a class name written in Java, so the
 * class's own name ends at the first of them; only the package is taken from that part, because the suffix may hold
 * dots.
 */
public final class FrameNames {
    private FrameNames() {
    }

    /**
     * The source path: the package's path, then the source file's name, or the top-level class's name and
     * {@code .java} when the class has no SourceFile attribute (or it is not known).
     *
     * @param className  binary name, dotted ({@code com.example.Outer$Inner})
     * @param sourceFile the SourceFile attribute ({@code Outer.java}, {@code Outer.kt}); null or empty: unknown
     */
    public static String file(String className, String sourceFile) {
        String named = withoutHiddenSuffix(className);
        int dot = named.lastIndexOf('.');
        String pkg = named.substring(0, dot + 1).replace('.', '/');
        if (sourceFile != null && !sourceFile.isEmpty()) {
            return pkg + sourceFile;
        }
        return pkg + topLevel(named.substring(dot + 1)) + ".java";
    }

    /**
     * {@code Simple$Nested.method}: the class's name without its package (a hidden class's suffix kept: it tells
     * two lambdas apart), or the method alone when the class is unknown (empty).
     */
    public static String function(String className, String method) {
        int dot = withoutHiddenSuffix(className).lastIndexOf('.');
        String simple = className.substring(dot + 1);
        return simple.isEmpty() ? method : simple + "." + method;
    }

    /** The file of a live stack frame. */
    public static String file(StackTraceElement e) {
        return file(e.getClassName(), e.getFileName());
    }

    /** The function of a live stack frame. */
    public static String function(StackTraceElement e) {
        return function(e.getClassName(), e.getMethodName());
    }

    /** {@code Outer} for {@code Outer$Inner}; a '$' that starts the name is part of it ({@code $Proxy12}). */
    static String topLevel(String simpleName) {
        int dollar = simpleName.indexOf('$', 1);
        return dollar > 0 ? simpleName.substring(0, dollar) : simpleName;
    }

    private static String withoutHiddenSuffix(String className) {
        for (int i = 0; i < className.length(); i++) {
            char c = className.charAt(i);
            if (c == '/' || c == '+') {
                return className.substring(0, i);
            }
        }
        return className;
    }
}
